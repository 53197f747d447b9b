package io.meterhub.routes.api.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.routes.api.ApiException;
import io.meterhub.routes.api.auth.Caller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostedSamplesTest {

    private static final Caller MEMBER = Caller.of("p1", "u1", Set.of("member"));
    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    private static PostedSamples read(String json, Caller caller) {
        return PostedSamples.read(json.getBytes(StandardCharsets.UTF_8), "cpu", caller, NOW);
    }

    private static String sample(String extra) {
        return "[{\"counter_name\": \"cpu\", \"counter_type\": \"cumulative\", \"counter_unit\": \"ns\", "
                + "\"counter_volume\": \"7\", \"resource_id\": \"r1\"" + extra + "}]";
    }

    @Test
    void completesSamplesAsCeilometerDoes() {
        PostedSamples p = read(sample(", \"resource_metadata\": {\"a.b\": \"c\", \"a.d\": 1, \"e\": \"f\"}"), MEMBER);

        ObjectNode m = p.messages().get(0);
        assertThat(m.get("project_id").asText()).isEqualTo("p1");
        assertThat(m.get("user_id").asText()).isEqualTo("u1");
        assertThat(m.get("source").asText()).isEqualTo("p1:openstack");
        assertThat(m.get("counter_volume").asDouble()).isEqualTo(7.0);
        assertThat(m.get("timestamp").asText()).isEqualTo("2025-06-01T10:00:00Z");
        assertThat(m.get("message_id").asText()).isNotEmpty();
        assertThat(m.get("resource_metadata").toString()).isEqualTo("{\"a\":{\"b\":\"c\",\"d\":1},\"e\":\"f\"}");
        assertThat(p.echo().get(0).get("timestamp").asText()).isEqualTo("2025-06-01T10:00:00");
        assertThat(p.echo().get(0).get("resource_metadata").get("a.b").asText()).isEqualTo("c");
    }

    @Test
    void keepsGivenOwnersSourceAndTime() {
        ObjectNode m = read(
                        sample(
                                ", \"user_id\": \"u9\", \"source\": \"mine\", \"timestamp\": \"2024-01-01T00:00:00+01:00\""),
                        MEMBER)
                .messages()
                .get(0);

        assertThat(m.get("user_id").asText()).isEqualTo("u9");
        assertThat(m.get("source").asText()).isEqualTo("p1:mine");
        assertThat(m.get("timestamp").asText()).isEqualTo("2023-12-31T23:00:00Z");
    }

    @Test
    void anAdminMayPostToAnyProjectOthersOnlyToTheirOwn() {
        Caller admin = Caller.of("adm", null, Set.of("admin"));

        assertThat(read(sample(", \"project_id\": \"p2\""), admin)
                        .messages()
                        .get(0)
                        .get("project_id")
                        .asText())
                .isEqualTo("p2");
        assertThatThrownBy(() -> read(sample(", \"project_id\": \"p2\""), MEMBER))
                .isInstanceOf(ApiException.class)
                .hasMessage("Not Authorized to access project p2")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(403));
    }

    @Test
    void refusesWhatCeilometerRefuses() {
        assertThatThrownBy(() -> read("[]", MEMBER)).hasMessage("Samples should be included in request body");
        assertThatThrownBy(() -> read("", MEMBER)).hasMessage("Samples should be included in request body");
        assertThatThrownBy(() -> read(sample(", \"message_id\": \"m\""), MEMBER))
                .hasMessage("Invalid input for field/attribute message_id. Value: 'm'. The message_id must not be set");
        assertThatThrownBy(() -> read(sample("").replace("cumulative", "counter"), MEMBER))
                .hasMessage(
                        "Invalid input for field/attribute counter_type. Value: 'counter'. The counter type must be: "
                                + "gauge, delta, cumulative");
        assertThatThrownBy(() -> read(sample("").replace("\"counter_unit\": \"ns\", ", ""), MEMBER))
                .hasMessage("Invalid input for field/attribute counter_unit. Value: 'None'. Mandatory field missing.");
        assertThatThrownBy(() -> read(sample("").replace("\"7\"", "\"seven\""), MEMBER))
                .hasMessage("Invalid input for field/attribute counter_volume. Value: 'seven'. Invalid float value");
        assertThatThrownBy(() -> read(sample(", \"timestamp\": \"noon\""), MEMBER))
                .hasMessage("Invalid input for field/attribute timestamp. Value: 'noon'. invalid timestamp format");
        assertThatThrownBy(() -> PostedSamples.read(sample("").getBytes(StandardCharsets.UTF_8), "mem", MEMBER, NOW))
                .hasMessage("Invalid input for field/attribute counter_name. Value: 'cpu'. should be mem");
    }

    @Test
    void restoresNestingLikeRestoreNesting() throws IOException {
        assertThat(PostedSamples.nest(Json.mapper().readTree("{\"a.b.c\": 1, \"a.b.d\": 2, \"x\": {\"y\": 3}}"))
                        .toString())
                .isEqualTo("{\"a\":{\"b\":{\"c\":1,\"d\":2}},\"x\":{\"y\":3}}");
    }
}
