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
    void samplesWithEqualMetadataInAnotherOrderOrOfAnotherNumberClassAreWrittenEachAsItIs() throws Exception {
        ObjectNode md = Json.mapper().createObjectNode();
        md.put("a", 1).put("b", "two").putObject("c").put("d", 4.5);
        ObjectNode reordered = Json.mapper().createObjectNode();
        reordered.put("b", "two").put("a", 1).set("c", md.get("c"));
        ObjectNode asLong = Json.mapper().createObjectNode();
        asLong.put("a", 1L).put("b", "two").set("c", md.get("c"));
        ObjectNode changed = md.deepCopy();
        changed.with("c").put("d", "4.5");
        List<io.meterhub.model.Sample> samples = new java.util.ArrayList<>();
        for (ObjectNode each : List.of(md, md.deepCopy(), reordered, asLong, changed, md)) {
            samples.add(sample(each, "s-" + samples.size()));
        }
        samples.add(sample(null, "s-null"));
        assertThat(ContentJson.samples(samples))
                .isEqualTo(Json.mapper().writeValueAsString(Json.mapper().valueToTree(samples)))
                .contains("{\"b\":\"two\",\"a\":1,");
    }

    private static io.meterhub.model.Sample sample(ObjectNode metadata, String id) {
        return new io.meterhub.model.Sample(
                "openstack",
                "memory",
                io.meterhub.model.SampleType.GAUGE,
                "MiB",
                512,
                "u",
                "p",
                "r",
                Instant.parse("2026-11-27T17:00:00Z"),
                metadata,
                id);
    }

    /** A metadata value that counts how often it is written. */
    static final class Counted {
        int written;

        @com.fasterxml.jackson.annotation.JsonValue
        String value() {
            written++;
            return "counted";
        }
    }

    @Test
    void metadataEqualToTheSampleBeforeIsWrittenOnce() {
        Counted counted = new Counted();
        ObjectNode md = Json.mapper().createObjectNode();
        md.put("a", 1).putPOJO("c", counted);
        List<io.meterhub.model.Sample> samples = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            samples.add(sample(md, "s-" + i));
        }
        String written = ContentJson.samples(samples);
        assertThat(counted.written).isEqualTo(1);
        assertThat(written.split("\"c\":\"counted\"", -1)).hasSize(4);
    }

    @Test
    void eventsCarryTypedTraits() throws Exception {
        int traits = 0;
        java.util.Set<Class<?>> valueTypes = new java.util.HashSet<>();
        for (Translation t : CORPUS) {
            String written = ContentJson.events(t.events());
            assertThat(written).isEqualTo(Json.mapper().writeValueAsString(tree(t.events())));
            for (Event e : t.events()) {
                traits += e.traits().size();
                e.traits().forEach(trait -> valueTypes.add(trait.value().getClass()));
            }
        }
        assertThat(traits).isGreaterThan(1000);
        assertThat(valueTypes).contains(String.class, Long.class, Instant.class);
    }

    /** The corpus's events have no float traits with the default definitions; these cover them and odd values. */
    @Test
    void traitsOfEveryTypeAndOddValues() throws Exception {
        List<Event> events = List.of(new Event(
                "5f1b2c3d-0000-4000-8000-000000000001",
                "compute.instance.exists",
                Instant.parse("2024-06-01T12:00:00.000001Z"),
                List.of(
                        new Trait("memory_mb", io.meterhub.model.TraitType.INT, 512L),
                        new Trait("min", io.meterhub.model.TraitType.INT, Long.MIN_VALUE),
                        new Trait("vcpu_util", io.meterhub.model.TraitType.FLOAT, 0.1),
                        new Trait("huge", io.meterhub.model.TraitType.FLOAT, 1.0e20),
                        new Trait("tiny", io.meterhub.model.TraitType.FLOAT, -4.9e-324),
                        new Trait("whole", io.meterhub.model.TraitType.FLOAT, 3.0),
                        new Trait("text", io.meterhub.model.TraitType.TEXT, "quote \" tab \t é \uD83D\uDE00"),
                        new Trait(
                                "launched_at",
                                io.meterhub.model.TraitType.DATETIME,
                                Instant.parse("2012-05-08T20:23:48Z")))));
        String written = ContentJson.events(events);
        assertThat(written).isEqualTo(Json.mapper().writeValueAsString(tree(events)));
        assertThat(written).contains("\"value\":0.1", "\"value\":1.0E20", "\"value\":3.0", "\"type\":\"float\"");
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
