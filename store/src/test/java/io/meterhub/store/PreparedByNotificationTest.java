package io.meterhub.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import io.meterhub.model.Translation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreparedByNotificationTest {

    private static Translation translation(String messageId) {
        return new Translation(
                new Notification(
                        messageId,
                        "nova-compute",
                        "compute.instance.exists",
                        "INFO",
                        Instant.EPOCH,
                        Json.mapper().createObjectNode(),
                        Json.mapper().createObjectNode(),
                        Json.mapper().createObjectNode().put("message_id", messageId)),
                List.of(),
                List.of());
    }

    @Test
    void whatWasMadeIsTakenOnceAndOnlyForTheTranslationItWasMadeFrom() {
        PreparedByNotification<String> prepared = new PreparedByNotification<>();
        Translation t = translation("m1");
        prepared.put(t, "made");

        assertThat(prepared.take(translation("m1")))
                .as("another notification with the same id (a redelivery)")
                .isNull();
        assertThat(prepared.take(t)).isEqualTo("made");
        assertThat(prepared.take(t))
                .as("taken already: a batch written again makes it anew")
                .isNull();
        assertThat(prepared.size()).isZero();
    }

    @Test
    void theLaterOfTwoSubmissionsOfOneIdIsTheOneKept() {
        PreparedByNotification<String> prepared = new PreparedByNotification<>();
        Translation first = translation("m2");
        Translation second = translation("m2");
        prepared.put(first, "a");
        prepared.put(second, "b");

        assertThat(prepared.take(first)).isNull();
        assertThat(prepared.take(second)).isEqualTo("b");
    }
}
