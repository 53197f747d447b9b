package io.meterhub.mediation.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.meterhub.model.Json;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JsonPathTest {

    private static JsonNode body() throws Exception {
        return Json.mapper()
                .readTree(
                        """
                {"ctxt": {"user_id": "u1", "user": null},
                 "publisher_id": "compute.host1",
                 "payload": {"size": 10, "volume_type": null, "image_meta": {"org.openstack__1__os_distro": "debian"},
                             "volume_attachment": [{"server_id": "srv-1"}, {"server_id": "srv-2"}],
                             "glance_metadata": [{"key": "image_id", "value": "img-1"}],
                             "metrics": [{"name": "cpu.frequency", "value": 1600}, {"name": "cpu.percent", "value": 0.25}]}}
                """);
    }

    @Test
    void plainDottedPathMatchesWithItsPath() throws Exception {
        assertThat(JsonPath.compile("$.payload.size").find(body()))
                .containsExactly(new JsonPathMatch("payload.size", Json.mapper().readTree("10")));
        assertThat(JsonPath.compile("payload.size").find(body()))
                .containsExactly(new JsonPathMatch("payload.size", Json.mapper().readTree("10")));
    }

    @Test
    void aNullValueIsAMatchAndAMissingFieldIsNot() throws Exception {
        assertThat(JsonPath.compile("payload.volume_type").find(body()))
                .containsExactly(new JsonPathMatch("payload.volume_type", NullNode.getInstance()));
        assertThat(JsonPath.compile("payload.missing").find(body())).isEmpty();
        assertThat(JsonPath.compile("payload.size.deeper").find(body())).isEmpty();
    }

    @Test
    void matchPathsJoinFieldsAndIndexesAsCeilometerDoes() throws Exception {
        assertThat(JsonPath.compile("payload.volume_attachment[*].server_id").find(body()))
                .extracting(JsonPathMatch::path)
                .containsExactly("payload.volume_attachment.[0].server_id", "payload.volume_attachment.[1].server_id");
        assertThat(JsonPath.compile("payload.image_meta.'org.openstack__1__os_distro'")
                        .find(body()))
                .extracting(JsonPathMatch::path)
                .containsExactly("payload.image_meta.org.openstack__1__os_distro");
        assertThat(JsonPath.compile("publisher_id.`split(., 1, 1)`").find(body()))
                .containsExactly(new JsonPathMatch("", Json.mapper().readTree("\"host1\"")));
    }

    @Test
    void filtersSelectListElements() throws Exception {
        assertThat(JsonPath.compile("$.payload.glance_metadata[?key=image_id].value")
                        .values(body()))
                .containsExactly(Json.mapper().readTree("\"img-1\""));
        assertThat(JsonPath.compile("$.payload.metrics[?(@.name='cpu.percent')].value * 100")
                        .values(body()))
                .containsExactly(Json.mapper().readTree("25.0"));
    }

    @Test
    void firstNonNullValueSkipsNullsButEvaluatesEverything() throws Exception {
        assertThat(JsonPath.compile("(ctxt.user)|(ctxt.user_id)").firstNonNullValue(body()))
                .isEqualTo(Json.mapper().readTree("\"u1\""));
        assertThat(JsonPath.compile("payload.volume_type").firstNonNullValue(body()))
                .isNull();
        assertThatThrownBy(() -> JsonPath.compile("(payload.size)|(payload[0])").firstNonNullValue(body()))
                .isInstanceOf(JsonPathEvaluationException.class);
    }

    @Test
    void unparenthesisedUnionBindsTighterThanDotAsInJsonpathRw() throws Exception {
        // ctxt.(user_id|ctxt).user: Ceilometer's fallback "ctxt.user_id|ctxt.user" never matches
        assertThat(JsonPath.compile("ctxt.user_id|ctxt.user").find(body())).isEmpty();
    }

    @Test
    void syntaxErrorNamesTheExpressionAndThePosition() {
        assertThatThrownBy(() -> JsonPath.compile("payload.[size"))
                .isInstanceOfSatisfying(JsonPathSyntaxException.class, e -> {
                    assertThat(e.expression()).isEqualTo("payload.[size");
                    assertThat(e.position()).isEqualTo(13);
                    assertThat(e.getMessage()).contains("'payload.[size'").contains("column 13");
                });
        assertThatThrownBy(() -> JsonPath.compile("payload.size # comment"))
                .isInstanceOfSatisfying(JsonPathSyntaxException.class, e -> assertThat(e.position())
                        .isEqualTo(13));
    }

    @Test
    void divisionIsASyntaxErrorBecauseTheLexerReadsSlashAsASortDirection() {
        assertThatThrownBy(() -> JsonPath.compile("payload.size / 2")).isInstanceOf(JsonPathSyntaxException.class);
    }

    @Test
    void evaluationErrorCarriesThePythonExceptionType() {
        assertThatThrownBy(() -> JsonPath.compile("payload[0]").find(body()))
                .isInstanceOfSatisfying(JsonPathEvaluationException.class, e -> assertThat(e.pythonType())
                        .isEqualTo("KeyError"));
        assertThatThrownBy(() -> JsonPath.compile("payload.volume_type[*]").find(body()))
                .isInstanceOfSatisfying(JsonPathEvaluationException.class, e -> assertThat(e.pythonType())
                        .isEqualTo("TypeError"));
    }

    @Test
    void aTypeErrorInArithmeticEmptiesTheResultInstead() throws Exception {
        assertThat(JsonPath.compile("payload.size + publisher_id").find(body())).isEmpty(); // 10 + 'publisher_id'
    }

    @Test
    void theDottedShortcutAgreesWithTheSyntaxTreeOnTheCorpus() {
        Golden golden = Golden.load();
        List<String> expressions = List.of(
                "$.payload.instance_id",
                "payload.image_meta.base_image_ref",
                "ctxt.user_id",
                "$",
                "payload",
                "metadata.message_id",
                "$.payload.size.x",
                "publisher_id.x",
                "payload['tenant_id']");
        golden.root().get("cases").forEach(c -> {
            if (!c.has("results")) {
                return;
            }
            c.get("results").forEach(r -> {
                JsonNode document = golden.document(r.get("doc").textValue());
                for (String expression : expressions) {
                    JsonPath path = JsonPath.compile(expression);
                    assertThat(path.find(document)).as(expression).isEqualTo(path.findByTree(document));
                }
            });
        });
    }

    @Test
    void aCompiledPathIsSharedSafelyBetweenThreads() throws Exception {
        JsonNode body = body();
        JsonPath path = JsonPath.compile("$.payload.metrics[?(@.value > 100)].name | payload.volume_attachment[*]");
        List<JsonPathMatch> expected = path.find(body);
        assertThat(IntStream.range(0, 2000).parallel().mapToObj(i -> path.find(body)))
                .allSatisfy(found -> assertThat(found).isEqualTo(expected));
    }
}
