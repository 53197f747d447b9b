package io.meterhub.feeds.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.feeds.CorpusTranslations;
import io.meterhub.model.Event;
import io.meterhub.model.Json;
import io.meterhub.model.Timestamps;
import io.meterhub.model.Trait;
import io.meterhub.model.Translation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The entry JSON, written without trees, is character for character what Jackson's tree model makes of the same
 * content, for every stored corpus notification: Yagi's notification (no {@code _} keys), Ceilometer's meter
 * messages, and events with Ceilometer's trait-type names and ISO timestamps.
 */
class ContentJsonTest {

    private static final List<Translation> CORPUS = CorpusTranslations.corpus();

    @Test
    void notificationIsTheMessageWithoutItsUnderscoreKeys() throws Exception {
        for (Translation t : CORPUS) {
            ObjectNode expected = t.source().message().deepCopy();
            expected.remove(expected.properties().stream()
                    .map(java.util.Map.Entry::getKey)
                    .filter(k -> k.startsWith("_"))
                    .toList());
            String written = ContentJson.notification(t.source().message());
            assertThat(written).isEqualTo(Json.mapper().writeValueAsString(expected));
            assertThat(written).doesNotContain("\"_context_");
        }
    }

    @Test
    void samplesAreTheMeterMessages() throws Exception {
        int samples = 0;
        for (Translation t : CORPUS) {
            String written = ContentJson.samples(t.samples());
            assertThat(written)
                    .isEqualTo(Json.mapper().writeValueAsString(Json.mapper().valueToTree(t.samples())));
            samples += t.samples().size();
        }
        assertThat(samples).isGreaterThan(100);
    }

    @Test
    void eventsCarryTypedTraits() throws Exception {
        int traits = 0;
        for (Translation t : CORPUS) {
            String written = ContentJson.events(t.events());
            assertThat(written).isEqualTo(Json.mapper().writeValueAsString(tree(t.events())));
            for (Event e : t.events()) {
                traits += e.traits().size();
            }
        }
        assertThat(traits).isGreaterThan(1000);
    }

    private static JsonNode tree(List<Event> events) {
        ArrayNode out = Json.mapper().createArrayNode();
        for (Event e : events) {
            ObjectNode o = out.addObject()
                    .put("message_id", e.messageId())
                    .put("event_type", e.eventType())
                    .put("generated", Timestamps.isoformat(e.generated(), false));
            ArrayNode traits = o.putArray("traits");
            for (Trait t : e.traits()) {
                ObjectNode n = traits.addObject()
                        .put("name", t.name())
                        .put(
                                "type",
                                switch (t.type()) {
                                    case TEXT -> "string";
                                    case INT -> "integer";
                                    case FLOAT -> "float";
                                    case DATETIME -> "datetime";
                                });
                n.set(
                        "value",
                        t.value() instanceof Instant i
                                ? n.textNode(Timestamps.isoformat(i, false))
                                : Json.mapper().valueToTree(t.value()));
            }
        }
        return out;
    }
}
