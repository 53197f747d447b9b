package io.meterhub.mediation.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusExpectationsTest {

    @Test
    void turnsTheRecordedSamplesAndEventsIntoContractLines() {
        List<JsonNode> lines = CorpusExpectations.lines();

        assertThat(lines.stream().filter(l -> l.get("kind").asText().equals("sample")))
                .hasSize(353);
        assertThat(lines.stream().filter(l -> l.get("kind").asText().equals("event")))
                .hasSize(451);
    }

    @Test
    void renamesTheSampleFields() {
        JsonNode line = CorpusExpectations.sample(
                OracleJson.object(
                        """
                {"event_type": "compute.instance.create.end", "kind": "sample", "message_id": "m", "name": "vcpus",
                 "project_id": "p", "resource_id": "r", "timestamp": "2012-05-08T20:23:48.028195+00:00",
                 "type": "gauge", "unit": "vcpu", "user_id": null, "volume": 1}"""));

        assertThat(line)
                .isEqualTo(
                        OracleJson.parse(
                                """
                {"kind": "sample", "notification_id": "m", "counter_name": "vcpus", "counter_type": "gauge",
                 "counter_unit": "vcpu", "counter_volume": 1, "user_id": null, "project_id": "p",
                 "resource_id": "r", "timestamp": "2012-05-08T20:23:48.028195+00:00"}"""));
    }

    @Test
    void namesTheTraitTypes() {
        JsonNode line = CorpusExpectations.event(
                OracleJson.object(
                        """
                {"event_type": "e", "generated": "2012-05-08T20:23:48.028195", "kind": "event", "message_id": "m",
                 "traits": [["a", 1, "x"], ["b", 2, 3], ["c", 3, 1.5], ["d", 4, "2012-05-08T20:23:47"]]}"""));

        assertThat(line.get("traits"))
                .isEqualTo(
                        OracleJson.parse(
                                """
                [{"name": "a", "type": "text", "value": "x"}, {"name": "b", "type": "int", "value": 3},
                 {"name": "c", "type": "float", "value": 1.5},
                 {"name": "d", "type": "datetime", "value": "2012-05-08T20:23:47"}]"""));
    }
}
