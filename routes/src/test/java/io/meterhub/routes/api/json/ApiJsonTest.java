package io.meterhub.routes.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.store.query.Statistics;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON shapes and value spellings of Ceilometer's API. */
class ApiJsonTest {

    private static JsonNode json(String s) throws IOException {
        return Json.mapper().readTree(s);
    }

    @Test
    void timesAreNaiveIsoformatWithMicrosecondsOnlyWhenNotZero() {
        assertThat(ApiTimes.format(Instant.parse("2015-01-01T12:00:00Z"))).isEqualTo("2015-01-01T12:00:00");
        assertThat(ApiTimes.format(Instant.parse("2015-01-01T12:00:00.123Z"))).isEqualTo("2015-01-01T12:00:00.123000");
        assertThat(ApiTimes.format(null)).isNull();
    }

    @Test
    void metadataIsFlattenedAsFlattenMetadataDoes() throws IOException {
        ObjectNode flat = FlatMetadata.of(json("{\"b\": 1, \"a\": {\"x\": {\"y\": true}, \"z\": null}, "
                + "\"l\": [\"p\", 2], \"f\": 1.5, \"e\": {}, \"s\": \"text\"}"));

        assertThat(flat.toString())
                .isEqualTo("{\"a.x:y\":\"True\",\"a.z\":\"None\",\"b\":\"1\",\"f\":\"1.5\",\"l\":\"['p', 2]\","
                        + "\"s\":\"text\"}");
    }

    @Test
    void meterIdIsBase64OfResourcePlusName() {
        assertThat(MeterJson.meterId("bd9431c1-8d69-4ad3-803a-8d4a6b89fd36", "instance"))
                .isEqualTo("YmQ5NDMxYzEtOGQ2OS00YWQzLTgwM2EtOGQ0YTZiODlmZDM2K2luc3RhbmNl");
    }

    @Test
    void statisticsDurationsAreClampedToTheQueryRangeAsCeilometerDoes() {
        Instant start = Instant.parse("2012-08-28T00:00:00Z");
        Instant end = Instant.parse("2012-08-28T23:59:00Z");
        Statistics overlapping = stats(Instant.parse("2012-08-27T23:00:00Z"), Instant.parse("2012-08-28T08:00:00Z"));
        Statistics outside = stats(Instant.parse("2012-08-29T09:00:00Z"), Instant.parse("2012-08-29T19:00:00Z"));

        ObjectNode o = StatisticsJson.of(overlapping, start, end);
        assertThat(o.get("duration_start").asText()).isEqualTo("2012-08-28T00:00:00");
        assertThat(o.get("duration").asDouble()).isEqualTo(8 * 3600.0);
        ObjectNode x = StatisticsJson.of(outside, start, end);
        assertThat(x.get("duration").isNull()).isTrue();
        assertThat(x.get("duration_start").isNull()).isTrue();
        assertThat(x.get("groupby").isNull()).isTrue();
        assertThat(x.has("aggregate")).isFalse();
        assertThat(x.get("count").asLong()).isEqualTo(2);
    }

    private static Statistics stats(Instant first, Instant last) {
        return new Statistics(null, "GiB", first, last, 0, first, last, null, 1.0, 9.0, 5.0, 10.0, 2L, Map.of());
    }
}
