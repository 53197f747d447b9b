package io.meterhub.mediation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.Corpus;
import io.meterhub.mediation.EnvelopeDecoder;
import io.meterhub.mediation.MediationSettings;
import io.meterhub.mediation.Translators;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranslateRunnerTest {

    private final TranslateRunner runner =
            new TranslateRunner(new EnvelopeDecoder(1 << 20), Translators.create(MediationSettings.defaults()));

    @Test
    void writesOneLinePerSampleAndEventInTheDocumentedShape() throws Exception {
        List<JsonNode> lines = run(Corpus.line("dae6f69c-00e0-41c0-b371-41ec3b7f4451"));

        JsonNode memory = lines.stream()
                .filter(l -> l.path("counter_name").asText().equals("memory"))
                .findFirst()
                .orElseThrow();
        assertThat(memory.path("kind").asText()).isEqualTo("sample");
        assertThat(memory.path("notification_id").asText()).isEqualTo("dae6f69c-00e0-41c0-b371-41ec3b7f4451");
        assertThat(memory.path("counter_type").asText()).isEqualTo("gauge");
        assertThat(memory.path("counter_unit").asText()).isEqualTo("MiB");
        assertThat(memory.path("counter_volume").asInt()).isEqualTo(512);
        assertThat(memory.path("timestamp").asText()).isEqualTo("2012-05-08T20:23:48.028195+00:00");
        assertThat(memory.path("source").asText()).isEqualTo("openstack");
        assertThat(memory.fieldNames())
                .toIterable()
                .containsExactly(
                        "kind",
                        "notification_id",
                        "counter_name",
                        "counter_type",
                        "counter_unit",
                        "counter_volume",
                        "user_id",
                        "project_id",
                        "resource_id",
                        "timestamp",
                        "resource_metadata",
                        "message_id",
                        "source");

        JsonNode event = lines.get(lines.size() - 1);
        assertThat(event.path("kind").asText()).isEqualTo("event");
        assertThat(event.path("generated").asText()).isEqualTo("2012-05-08T20:23:48.028195");
        assertThat(event.path("traits").findValuesAsText("name")).contains("instance_id", "service");
        assertThat(event.path("traits").get(0).fieldNames()).toIterable().containsExactly("name", "type", "value");
    }

    @Test
    void rejectedInputBecomesAnErrorLineAndTheRestGoesOn() throws Exception {
        List<JsonNode> lines =
                run("{not json\n" + "{\"message_id\": \"m1\", \"priority\": \"INFO\", \"payload\": {}}\n\n"
                        + Corpus.firstOf("image.upload"));

        assertThat(lines.get(0).path("kind").asText()).isEqualTo("error");
        assertThat(lines.get(0).path("reason").asText()).startsWith("not-json: ");
        assertThat(lines.get(1).path("message_id").asText()).isEqualTo("m1");
        assertThat(lines.get(1).path("reason").asText()).startsWith("missing-event-type: ");
        assertThat(lines.subList(2, lines.size()))
                .isNotEmpty()
                .allMatch(l -> !l.path("kind").asText().equals("error"));
    }

    @Test
    void outputIsAsciiWithUnicodeEscaped() throws Exception {
        String line = Corpus.line("dae6f69c-00e0-41c0-b371-41ec3b7f4451").replace("testme", "tëst 😀");
        StringWriter out = new StringWriter();
        runner.run(new BufferedReader(new StringReader(line)), out);
        assertThat(out.toString()).doesNotContain("ë").contains("\\u00EB");
        assertThat(Corpus.json(out.toString().lines().findFirst().orElseThrow())
                        .path("resource_metadata")
                        .path("display_name")
                        .asText())
                .isEqualTo("tëst 😀");
    }

    private List<JsonNode> run(String input) throws Exception {
        StringWriter out = new StringWriter();
        runner.run(new BufferedReader(new StringReader(input)), out);
        return out.toString().lines().map(Corpus::json).toList();
    }
}
