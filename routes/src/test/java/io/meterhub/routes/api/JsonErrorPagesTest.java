package io.meterhub.routes.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonErrorPagesTest {

    @Test
    void pathTemplatesMatchLikeVertx() {
        assertThat(JsonErrorPages.matches("/v2/meters/:name", "/v2/meters/memory"))
                .isTrue();
        assertThat(JsonErrorPages.matches("/v2/meters/:name", "/v2/meters/")).isFalse();
        assertThat(JsonErrorPages.matches("/v2/meters/:name", "/v2/meters/memory/statistics"))
                .isFalse();
        assertThat(JsonErrorPages.matches("/v2/samples", "/v2/samples")).isTrue();
        assertThat(JsonErrorPages.matches("/v2/samples", "/v2/sample")).isFalse();
        assertThat(JsonErrorPages.matches("/feeds/*", "/feeds/a/b")).isTrue();
    }

    @Test
    void errorBodiesAreCeilometers() {
        assertThat(ErrorBody.of(404, "Sample x Not Found").toString())
                .isEqualTo("{\"error_message\":{\"faultcode\":\"Client\",\"faultstring\":\"Sample x Not Found\","
                        + "\"debuginfo\":null}}");
        assertThat(ErrorBody.of(503, "down")
                        .get("error_message")
                        .get("faultcode")
                        .asText())
                .isEqualTo("Server");
    }
}
