package io.meterhub.mediation.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NotificationVariationsTest {

    private static List<Variant> variants;

    @BeforeAll
    static void vary() {
        variants = NotificationVariations.ofCorpus(NotificationVariations.DEFAULT_SEED);
    }

    @Test
    void makesAFewThousandVariantsOfEveryKind() {
        Map<String, Long> byKind =
                variants.stream().collect(Collectors.groupingBy(v -> kind(v), Collectors.counting()));

        assertThat(variants).hasSizeBetween(2000, 4000);
        assertThat(byKind.keySet()).isEqualTo(NotificationVariations.plan().keySet());
        NotificationVariations.plan()
                .forEach((kind, planned) ->
                        assertThat(byKind.get(kind)).as(kind).isBetween(planned * 9L / 10, (long) planned));
    }

    @Test
    void makesTheSameVariantsFromTheSameSeed() {
        assertThat(NotificationVariations.ofCorpus(NotificationVariations.DEFAULT_SEED))
                .isEqualTo(variants);
        assertThat(NotificationVariations.ofCorpus(NotificationVariations.DEFAULT_SEED + 1))
                .isNotEqualTo(variants);
    }

    @Test
    void givesEveryVariantAMessageIdOfItsOwnThatTheLineCarries() {
        Set<String> corpusIds = NotificationVariations.corpus().stream()
                .map(l -> OracleJson.parse(l).path("message_id").asText())
                .collect(Collectors.toSet());
        Set<String> ids = new HashSet<>();
        for (Variant v : variants) {
            assertThat(ids.add(v.messageId())).as("unique id %s", v.messageId()).isTrue();
            assertThat(inner(v).path("message_id").asText()).as(v.note()).isEqualTo(v.messageId());
        }
        assertThat(ids).doesNotContainAnyElementsOf(corpusIds);
    }

    @Test
    void notesWhatChangedAndFromWhichNotification() {
        assertThat(variants).allSatisfy(v -> assertThat(v.note()).matches("[a-z-]+: .+ \\[from \\S+ .*]"));
        assertThat(variants.stream().filter(v -> v.note().contains("; ")).count())
                .as("variants with a second change")
                .isGreaterThan(100);
    }

    @Test
    void coversTheCasesThatMatter() {
        assertThat(notes("timestamp"))
                .anyMatch(n -> n.contains("offset +02:00"))
                .anyMatch(n -> n.contains("(milliseconds)"))
                .anyMatch(n -> n.contains("(date only)"))
                .anyMatch(n -> n.contains("(rejected)"))
                .anyMatch(n -> n.startsWith("timestamp: payload."));
        assertThat(notes("event-type"))
                .anyMatch(n -> n.contains("\"compute.instance.create.start\" (near the lookahead)"))
                .anyMatch(n -> n.contains("\"compute.instance.update\" (near the lookahead)"))
                .anyMatch(n -> n.contains("(a dot replaced)"))
                .anyMatch(n -> n.contains("(sibling type of the corpus)"));
        assertThat(notes("field-removed"))
                .anyMatch(n -> n.contains("(read by the definitions)"))
                .anyMatch(n -> n.contains("removed event_type"));
        assertThat(notes("value-replaced")).anyMatch(n -> n.contains("(10^20)")).anyMatch(n -> n.contains("(null)"));
        assertThat(notes("wire-form"))
                .anyMatch(n -> n.contains("in an oslo v2 envelope"))
                .anyMatch(n -> n.contains("v1-style bare message"));
        assertThat(variants.stream().filter(v -> v.line().startsWith("{\"oslo.version\"")))
                .hasSizeGreaterThan(100);
    }

    @Test
    void writesUnicodeBothRawAndEscaped() {
        List<Variant> unicode =
                variants.stream().filter(v -> kind(v).equals("unicode")).toList();

        assertThat(unicode).anyMatch(v -> v.line().chars().anyMatch(c -> c > 127));
        assertThat(unicode)
                .anyMatch(
                        v -> v.line().chars().allMatch(c -> c < 128) && v.line().contains("\\u"));
        assertThat(unicode).allSatisfy(v -> assertThat(inner(v).isObject()).isTrue());
    }

    private static List<String> notes(String kind) {
        return variants.stream()
                .filter(v -> kind(v).equals(kind))
                .map(Variant::note)
                .toList();
    }

    private static String kind(Variant v) {
        return v.note().substring(0, v.note().indexOf(':'));
    }

    private static JsonNode inner(Variant v) {
        JsonNode line = OracleJson.parse(v.line());
        JsonNode message = line.get("oslo.message");
        Function<JsonNode, JsonNode> open = m -> m.isTextual() ? OracleJson.parse(m.textValue()) : m;
        return message == null ? line : open.apply(message);
    }
}
