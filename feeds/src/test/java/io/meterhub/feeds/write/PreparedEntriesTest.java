package io.meterhub.feeds.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import io.meterhub.model.Translation;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class PreparedEntriesTest {

    private static Translation translation(String messageId) {
        ObjectNode message = Json.mapper().createObjectNode().put("message_id", messageId);
        return new Translation(
                new Notification(
                        messageId,
                        "nova-compute",
                        "compute.instance.exists",
                        "INFO",
                        Instant.EPOCH,
                        Json.mapper().createObjectNode(),
                        Json.mapper().createObjectNode(),
                        message),
                List.of(),
                List.of());
    }

    private static NewEntry entry(String id) {
        return new NewEntry(id, new Document(), List.of(), null);
    }

    @Test
    void anEntryIsTakenOnceAndOnlyForTheTranslationItWasMadeFrom() {
        PreparedEntries prepared = new PreparedEntries();
        Translation t = translation("m1");
        NewEntry e = entry("urn:uuid:m1");
        prepared.put(t, e);

        assertThat(prepared.take(translation("m1")))
                .as("another notification with the same id (a redelivery)")
                .isNull();
        assertThat(prepared.take(t)).isSameAs(e);
        assertThat(prepared.take(t))
                .as("taken already: a batch written again makes it anew")
                .isNull();
        assertThat(prepared.size()).isZero();
    }

    @Test
    void theLaterOfTwoSubmissionsOfOneIdIsTheOneKept() {
        PreparedEntries prepared = new PreparedEntries();
        Translation first = translation("m2");
        Translation second = translation("m2");
        prepared.put(first, entry("a"));
        prepared.put(second, entry("b"));

        assertThat(prepared.take(first)).isNull();
        assertThat(prepared.take(second).entryId()).isEqualTo("b");
    }
}
