package io.meterhub.mediation.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldPathTest {

    /** A cinder volume.attach.end notification as the decoder makes it. */
    private static Notification volumeAttach() {
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("message_id", "0f1c6c21-1d04-4b1a-9c0f-3d4c9c3a6a50");
        message.put("event_type", "volume.attach.end");
        message.put("publisher_id", "volume.host1");
        message.put("priority", "INFO");
        message.put("timestamp", "2015-01-22 00:00:00");
        message.put("_context_request_id", "req-1");
        ObjectNode payload = message.putObject("payload");
        payload.put("volume_id", "vol-1");
        payload.put("size", 10);
        payload.put("display_name", "data");
        payload.putNull("volume_type");
        payload.put("status", "in-use");
        payload.putObject("image_meta").put("base_image_ref", "img-1");
        ArrayNode attachments = payload.putArray("volume_attachment");
        attachments.addObject().put("server_id", "srv-1").putNull("mountpoint");
        attachments.addObject().put("server_id", "srv-2");
        ObjectNode context = Json.mapper().createObjectNode();
        context.put("request_id", "req-1");
        context.putNull("user_id");
        return new Notification(
                "0f1c6c21-1d04-4b1a-9c0f-3d4c9c3a6a50",
                "volume.host1",
                "volume.attach.end",
                "INFO",
                Instant.parse("2015-01-22T00:00:00Z"),
                payload,
                context,
                message);
    }

    private static String text(String path) {
        return FieldPath.parse(path).text(volumeAttach());
    }

    @Test
    void readsAPayloadField() {
        assertThat(text("$.payload.volume_id")).isEqualTo("vol-1");
    }

    @Test
    void readsAPathWithoutTheDollarPrefix() {
        assertThat(text("payload.volume_id")).isEqualTo("vol-1");
    }

    @Test
    void readsANestedField() {
        assertThat(text("$.payload.image_meta.base_image_ref")).isEqualTo("img-1");
    }

    @Test
    void readsAFieldOfAnArrayElement() {
        assertThat(text("$.payload.volume_attachment[0].server_id")).isEqualTo("srv-1");
        assertThat(text("$.payload.volume_attachment[1].server_id")).isEqualTo("srv-2");
    }

    @Test
    void readsNumbersAsTheirText() {
        assertThat(text("$.payload.size")).isEqualTo("10");
        assertThat(FieldPath.parse("$.payload.size").find(volumeAttach()).intValue())
                .isEqualTo(10);
    }

    @Test
    void readsAnObjectAsJson() {
        assertThat(text("$.payload.image_meta")).isEqualTo("{\"base_image_ref\":\"img-1\"}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "$.payload.no_such_field",
                "$.payload.image_meta.no_such_field",
                "$.payload.volume_attachment[2].server_id",
                "$.payload.volume_attachment[0].no_such_field",
                "$.payload.size.deeper",
                "$.payload.image_meta[0]",
                "$.ctxt.no_such_field",
                "$.no_such_root.field"
            })
    void missingFieldIsMissing(String path) {
        assertThat(FieldPath.parse(path).find(volumeAttach()).isMissingNode()).isTrue();
        assertThat(FieldPath.parse(path).text(volumeAttach())).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.payload.volume_type", "$.payload.volume_attachment[0].mountpoint", "$.ctxt.user_id"})
    void nullFieldIsMissing(String path) {
        assertThat(FieldPath.parse(path).find(volumeAttach()).isMissingNode()).isTrue();
        assertThat(FieldPath.parse(path).text(volumeAttach())).isNull();
    }

    @Test
    void ctxtRootIsTheUnpackedContext() {
        assertThat(text("$.ctxt.request_id")).isEqualTo("req-1");
        assertThat(text("ctxt.request_id")).isEqualTo("req-1");
    }

    @Test
    void publisherIdRootIsTheMessagesPublisherId() {
        assertThat(text("publisher_id")).isEqualTo("volume.host1");
        assertThat(text("$.publisher_id")).isEqualTo("volume.host1");
    }

    @Test
    void otherTopLevelRootsReadTheMessage() {
        assertThat(text("event_type")).isEqualTo("volume.attach.end");
        assertThat(text("priority")).isEqualTo("INFO");
        assertThat(text("metadata.message_id")).isEqualTo("0f1c6c21-1d04-4b1a-9c0f-3d4c9c3a6a50");
        assertThat(text("metadata.timestamp")).isEqualTo("2015-01-22 00:00:00");
    }

    @Test
    void payloadRootAloneIsTheWholePayload() {
        assertThat(FieldPath.parse("$.payload")
                        .find(volumeAttach())
                        .path("volume_id")
                        .asText())
                .isEqualTo("vol-1");
    }

    @Test
    void indexesAListPayload() {
        ObjectNode message = Json.mapper().createObjectNode();
        ArrayNode payload = message.putArray("payload");
        payload.addObject().put("counter_name", "cpu");
        Notification n = new Notification(
                "m",
                "p",
                "telemetry.polling",
                "SAMPLE",
                Instant.EPOCH,
                payload,
                Json.mapper().createObjectNode(),
                message);

        assertThat(FieldPath.parse("$.payload[0].counter_name").text(n)).isEqualTo("cpu");
    }

    @Test
    void filterSelectsTheFirstElementWhoseFieldHasTheValue() {
        ObjectNode message = Json.mapper().createObjectNode();
        ObjectNode payload = message.putObject("payload");
        ArrayNode glance = payload.putArray("glance_metadata");
        glance.addObject().put("key", "image_name").put("value", "cirros");
        glance.addObject().put("key", "image_id").put("value", "img-7");
        glance.addObject().put("key", "image_id").put("value", "img-8");
        Notification n = new Notification(
                "m",
                "p",
                "volume.exists",
                "INFO",
                Instant.EPOCH,
                payload,
                Json.mapper().createObjectNode(),
                message);

        assertThat(FieldPath.parse("$.payload.glance_metadata[?key=image_id].value")
                        .text(n))
                .isEqualTo("img-7");
        assertThat(FieldPath.parse("$.payload.glance_metadata[?key=kernel_id].value")
                        .text(n))
                .isNull();
        assertThat(FieldPath.parse("$.payload.no_such_list[?key=image_id].value")
                        .text(n))
                .isNull();
    }

    @Test
    void refusesABracketThatIsNeitherIndexNorFilterNamingThePath() {
        assertThatThrownBy(() -> FieldPath.parse("$.payload.volume_attachment[first].server_id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.payload.volume_attachment[first].server_id");
    }

    @Test
    void keepsItsExpressionAsItsName() {
        assertThat(FieldPath.parse("$.payload.volume_attachment[0].server_id"))
                .hasToString("$.payload.volume_attachment[0].server_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.payload..size", "", "$.", ".payload"})
    void refusesAnEmptyFieldNameNamingThePath(String path) {
        assertThatThrownBy(() -> FieldPath.parse(path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty field name in path '" + path + "'");
    }

    @Test
    void refusesAnUnclosedBracketNamingThePath() {
        assertThatThrownBy(() -> FieldPath.parse("$.payload.volume_attachment[0.server_id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unclosed '[' in path '$.payload.volume_attachment[0.server_id'");
    }
}
