package io.meterhub.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeDecoderTest {

    private static final int LIMIT = 64 * 1024;

    private final EnvelopeDecoder decoder = new EnvelopeDecoder(LIMIT);

    /** A real nova notification (from the corpus) in oslo's inner-message form. */
    private static ObjectNode inner() {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("_context_request_id", "req-d68b36e0-9233-467f-9afb-d81435d64d66");
        m.put("_context_project_id", "7c150a59fe714e6f9263774af9688f0e");
        m.put("_context_user_id", "1e3ce043029547f1a61c1996d1a531a2");
        m.put("_context_is_admin", true);
        m.putArray("_context_roles").add("admin");
        m.putNull("_context_quota_class");
        m.put("event_type", "compute.instance.create.end");
        m.put("message_id", "dae6f69c-00e0-41c0-b371-41ec3b7f4451");
        m.put("priority", "INFO");
        m.put("publisher_id", "compute.vagrant-precise");
        m.put("timestamp", "2012-05-08 20:23:48.028195");
        ObjectNode payload = m.putObject("payload");
        payload.put("instance_id", "9f9d01b9-4a58-4271-9e27-398b21ab20d1");
        payload.put("memory_mb", 512);
        payload.put("tenant_id", "7c150a59fe714e6f9263774af9688f0e");
        return m;
    }

    private static byte[] bytes(Object json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] v2(Object message) {
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.put("oslo.version", "2.0");
        envelope.put("oslo.message", message.toString());
        return bytes(envelope);
    }

    private RejectedMessageException rejection(byte[] body) {
        RejectedMessageException e = catchThrowableOfType(RejectedMessageException.class, () -> decoder.decode(body));
        assertThat(e)
                .as("decoding %s should be refused", new String(body, StandardCharsets.UTF_8))
                .isNotNull();
        assertHumanReadable(e);
        return e;
    }

    private static void assertHumanReadable(RejectedMessageException e) {
        assertThat(e.getMessage())
                .isNotBlank()
                .doesNotContain("\n")
                .doesNotContain("Exception")
                .doesNotContain("com.fasterxml")
                .hasSizeLessThan(300);
    }

    @Test
    void decodesV2Envelope() throws Exception {
        Notification n = decoder.decode(v2(inner()));

        assertThat(n.messageId()).isEqualTo("dae6f69c-00e0-41c0-b371-41ec3b7f4451");
        assertThat(n.eventType()).isEqualTo("compute.instance.create.end");
        assertThat(n.publisherId()).isEqualTo("compute.vagrant-precise");
        assertThat(n.priority()).isEqualTo("INFO");
        assertThat(n.timestamp()).isEqualTo(Instant.parse("2012-05-08T20:23:48.028195Z"));
        assertThat(n.payload().path("memory_mb").asInt()).isEqualTo(512);
        assertThat(n.message()).isEqualTo(inner());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.0", "02.0", " 2.0", "2.0.0", "2.00", "2.-1", "2.-1.7"})
    void opensTheVersionsOsloMessagingOpens(String version) throws Exception {
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.put("oslo.version", version);
        envelope.put("oslo.message", inner().toString());

        assertThat(decoder.decode(bytes(envelope)).messageId()).isEqualTo("dae6f69c-00e0-41c0-b371-41ec3b7f4451");
    }

    @Test
    void refusesAVersionThatIsNotAStringNamingTheInnerMessageId() {
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.put("oslo.version", 2.0);
        envelope.put("oslo.message", inner().toString());

        RejectedMessageException e = rejection(bytes(envelope));

        assertThat(e.reason()).isEqualTo(RejectReason.UNSUPPORTED_ENVELOPE);
        assertThat(e.messageId()).isEqualTo("dae6f69c-00e0-41c0-b371-41ec3b7f4451");
    }

    @Test
    void decodesV1BareMessageToTheSameNotificationAsItsV2Envelope() throws Exception {
        Notification bare = decoder.decode(bytes(inner()));

        assertThat(bare).isEqualTo(decoder.decode(v2(inner())));
    }

    @Test
    void unpacksContextKeysWithoutTheirPrefix() throws Exception {
        Notification n = decoder.decode(v2(inner()));

        assertThat(n.context().path("request_id").asText()).isEqualTo("req-d68b36e0-9233-467f-9afb-d81435d64d66");
        assertThat(n.context().path("project_id").asText()).isEqualTo("7c150a59fe714e6f9263774af9688f0e");
        assertThat(n.context().path("user_id").asText()).isEqualTo("1e3ce043029547f1a61c1996d1a531a2");
        assertThat(n.context().path("is_admin").asBoolean()).isTrue();
        assertThat(n.context().path("roles").get(0).asText()).isEqualTo("admin");
        assertThat(n.context().has("quota_class")).isTrue();
        assertThat(n.context().fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("request_id", "project_id", "user_id", "is_admin", "roles", "quota_class");
    }

    @Test
    void keepsTheWholeInnerMessageIncludingContextKeys() throws Exception {
        Notification n = decoder.decode(v2(inner()));

        assertThat(n.message().has("_context_request_id")).isTrue();
        assertThat(n.message().path("payload").path("instance_id").asText())
                .isEqualTo("9f9d01b9-4a58-4271-9e27-398b21ab20d1");
    }

    @Test
    void hasEmptyContextWhenTheMessageHasNoContextKeys() throws Exception {
        ObjectNode m = inner();
        m.remove(java.util.List.of(
                "_context_request_id",
                "_context_project_id",
                "_context_user_id",
                "_context_is_admin",
                "_context_roles",
                "_context_quota_class"));

        assertThat(decoder.decode(v2(m)).context().isEmpty()).isTrue();
    }

    @Test
    void refusesAbsentPriorityWhichOsloMessagingWouldDropUnrecorded() {
        ObjectNode m = inner();
        m.remove("priority");

        RejectedMessageException e = rejection(v2(m));

        assertThat(e.reason().code()).isEqualTo("bad-priority");
        assertThat(e.messageId()).isEqualTo("dae6f69c-00e0-41c0-b371-41ec3b7f4451");
        assertThat(e.getMessage())
                .isEqualTo("message has no priority; oslo.messaging dispatches only audit, debug, info, warn, error,"
                        + " critical, sample");
    }

    @Test
    void refusesUnknownPriority() {
        ObjectNode m = inner();
        m.put("priority", "bogus");

        assertThat(rejection(v2(m)).getMessage()).startsWith("priority 'bogus' is unknown;");
    }

    @Test
    void refusesPriorityThatIsNotAString() {
        ObjectNode m = inner();
        m.putNull("priority");

        assertThat(rejection(bytes(m)).getMessage()).isEqualTo("priority is a JSON null, not a string");
        m.put("priority", 3);
        assertThat(rejection(bytes(m)).getMessage()).isEqualTo("priority is a JSON number, not a string");
    }

    @Test
    void refusesEventTypeThatIsNotAString() {
        ObjectNode m = inner();
        m.put("event_type", 42);

        RejectedMessageException e = rejection(bytes(m));

        assertThat(e.reason().code()).isEqualTo("bad-event-type");
        assertThat(e.getMessage()).isEqualTo("event_type is a JSON number, not a string");
    }

    @Test
    void upperCasesPriority() throws Exception {
        ObjectNode m = inner();
        m.put("priority", "error");

        assertThat(decoder.decode(v2(m)).priority()).isEqualTo("ERROR");
    }

    @Test
    void makesAbsentOrNullPayloadAnEmptyObject() throws Exception {
        ObjectNode absent = inner();
        absent.remove("payload");
        ObjectNode nul = inner();
        nul.putNull("payload");

        assertThat(decoder.decode(v2(absent)).payload().isObject()).isTrue();
        assertThat(decoder.decode(v2(absent)).payload().isEmpty()).isTrue();
        assertThat(decoder.decode(v2(nul)).payload().isObject()).isTrue();
        assertThat(decoder.decode(v2(nul)).payload().isEmpty()).isTrue();
    }

    @Test
    void keepsListPayload() throws Exception {
        ObjectNode m = inner();
        m.putArray("payload").addObject().put("counter_name", "cpu");

        assertThat(decoder.decode(v2(m)).payload().isArray()).isTrue();
    }

    @Test
    void readsObjectWithOnlyOsloVersionAsBareMessage() throws Exception {
        ObjectNode m = inner();
        m.put("oslo.version", "2.0");

        assertThat(decoder.decode(bytes(m)).messageId()).isEqualTo("dae6f69c-00e0-41c0-b371-41ec3b7f4451");
    }

    @Test
    void acceptsBodyOfExactlyTheLimit() throws Exception {
        byte[] body = v2(inner());
        EnvelopeDecoder exact = new EnvelopeDecoder(body.length);

        assertThat(exact.decode(body).messageId()).isEqualTo("dae6f69c-00e0-41c0-b371-41ec3b7f4451");
    }

    @Test
    void refusesBodyLargerThanTheLimitBeforeParsing() {
        byte[] body = v2(inner());
        EnvelopeDecoder small = new EnvelopeDecoder(body.length - 1);

        RejectedMessageException e = catchThrowableOfType(RejectedMessageException.class, () -> small.decode(body));

        assertThat(e.reason()).isEqualTo(RejectReason.OVERSIZED);
        assertThat(e.reason().code()).isEqualTo("oversized");
        assertThat(e.getMessage())
                .isEqualTo("body of " + body.length + " bytes exceeds the limit of " + (body.length - 1) + " bytes");
    }

    @Test
    void refusesOversizedBodyEvenWhenItIsNotJson() {
        EnvelopeDecoder tiny = new EnvelopeDecoder(4);

        RejectedMessageException e = catchThrowableOfType(
                RejectedMessageException.class, () -> tiny.decode("not json at all".getBytes(StandardCharsets.UTF_8)));

        assertThat(e.reason().code()).isEqualTo("oversized");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void refusesNonPositiveLimit(int limit) {
        assertThatThrownBy(() -> new EnvelopeDecoder(limit))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBodyBytes must be positive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "hello", "{\"event_type\": \"x\",}", "\u0000\u0001"})
    void refusesBodyThatIsNotJson(String body) {
        RejectedMessageException e = rejection(body.getBytes(StandardCharsets.UTF_8));

        assertThat(e.reason()).isEqualTo(RejectReason.NOT_JSON);
        assertThat(e.reason().code()).isEqualTo("not-json");
        assertThat(e.getMessage()).startsWith("body is not valid JSON: ");
        assertThat(e.messageId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void refusesEmptyBody(String body) {
        RejectedMessageException e = rejection(body.getBytes(StandardCharsets.UTF_8));

        assertThat(e.reason().code()).isEqualTo("not-json");
        assertThat(e.getMessage()).isEqualTo("body is empty");
    }

    @Test
    void refusesJsonArrayBody() {
        RejectedMessageException e = rejection(bytes("[" + inner() + "]"));

        assertThat(e.reason()).isEqualTo(RejectReason.NOT_AN_OBJECT);
        assertThat(e.reason().code()).isEqualTo("not-an-object");
        assertThat(e.getMessage()).isEqualTo("body is a JSON array, not an object");
    }

    @Test
    void refusesJsonNumberBody() {
        RejectedMessageException e = rejection(bytes("42"));

        assertThat(e.reason().code()).isEqualTo("not-an-object");
        assertThat(e.getMessage()).isEqualTo("body is a JSON number, not an object");
    }

    @Test
    void refusesJsonStringBody() {
        RejectedMessageException e = rejection(bytes("\"" + "compute.instance.create.end" + "\""));

        assertThat(e.reason().code()).isEqualTo("not-an-object");
        assertThat(e.getMessage()).isEqualTo("body is a JSON string, not an object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "3.0", "1", "2", "20.0", "", "2.1", "2.0.1", "2.0.x", "two.0"})
    void refusesEnvelopeOfUnsupportedVersion(String version) {
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.put("oslo.version", version);
        envelope.put("oslo.message", inner().toString());

        RejectedMessageException e = rejection(bytes(envelope));

        assertThat(e.reason()).isEqualTo(RejectReason.UNSUPPORTED_ENVELOPE);
        assertThat(e.reason().code()).isEqualTo("unsupported-envelope");
        assertThat(e.getMessage())
                .isEqualTo(
                        "oslo.version \"" + version + "\" is not one oslo.messaging opens (a string such as \"2.0\")");
        assertThat(e.messageId()).isEqualTo("dae6f69c-00e0-41c0-b371-41ec3b7f4451");
    }

    @Test
    void refusesOsloMessageThatIsAnObjectRatherThanAString() {
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.put("oslo.version", "2.0");
        envelope.set("oslo.message", inner());

        RejectedMessageException e = rejection(bytes(envelope));

        assertThat(e.reason()).isEqualTo(RejectReason.OSLO_MESSAGE_NOT_JSON);
        assertThat(e.reason().code()).isEqualTo("oslo-message-not-json");
        assertThat(e.getMessage()).isEqualTo("oslo.message is a JSON object, not a string holding JSON");
    }

    @Test
    void refusesOsloMessageThatIsNull() {
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.put("oslo.version", "2.0");
        envelope.putNull("oslo.message");

        RejectedMessageException e = rejection(bytes(envelope));

        assertThat(e.reason().code()).isEqualTo("oslo-message-not-json");
        assertThat(e.getMessage()).isEqualTo("oslo.message is a JSON null, not a string holding JSON");
    }

    @Test
    void refusesOsloMessageStringThatIsNotJson() {
        RejectedMessageException e = rejection(v2("{\"event_type\": truncated"));

        assertThat(e.reason().code()).isEqualTo("oslo-message-not-json");
        assertThat(e.getMessage()).startsWith("oslo.message is not valid JSON: ");
    }

    @Test
    void refusesOsloMessageStringThatIsEmpty() {
        RejectedMessageException e = rejection(v2(""));

        assertThat(e.reason().code()).isEqualTo("oslo-message-not-json");
        assertThat(e.getMessage()).isEqualTo("oslo.message is empty");
    }

    @Test
    void refusesOsloMessageHoldingAJsonArray() {
        RejectedMessageException e = rejection(v2("[" + inner() + "]"));

        assertThat(e.reason().code()).isEqualTo("oslo-message-not-json");
        assertThat(e.getMessage()).isEqualTo("oslo.message holds a JSON array, not an object");
    }

    @Test
    void refusesMessageWithoutEventTypeButKeepsItsId() {
        ObjectNode m = inner();
        m.remove("event_type");

        RejectedMessageException e = rejection(v2(m));

        assertThat(e.reason()).isEqualTo(RejectReason.MISSING_EVENT_TYPE);
        assertThat(e.reason().code()).isEqualTo("missing-event-type");
        assertThat(e.getMessage()).isEqualTo("message has no event_type");
        assertThat(e.messageId()).isEqualTo("dae6f69c-00e0-41c0-b371-41ec3b7f4451");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void refusesMessageWithBlankEventType(String eventType) {
        ObjectNode m = inner();
        m.put("event_type", eventType);

        assertThat(rejection(bytes(m)).reason().code()).isEqualTo("missing-event-type");
    }

    @Test
    void refusesMessageWithNullEventType() {
        ObjectNode m = inner();
        m.putNull("event_type");

        assertThat(rejection(bytes(m)).reason().code()).isEqualTo("missing-event-type");
    }

    @Test
    void refusesMessageWithoutMessageId() {
        ObjectNode m = inner();
        m.remove("message_id");

        RejectedMessageException e = rejection(v2(m));

        assertThat(e.reason()).isEqualTo(RejectReason.MISSING_MESSAGE_ID);
        assertThat(e.reason().code()).isEqualTo("missing-message-id");
        assertThat(e.getMessage()).isEqualTo("message of event_type 'compute.instance.create.end' has no message_id");
        assertThat(e.messageId()).isNull();
    }

    @Test
    void refusesMessageWithBlankMessageId() {
        ObjectNode m = inner();
        m.put("message_id", "");

        assertThat(rejection(bytes(m)).reason().code()).isEqualTo("missing-message-id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2016-13-07 16:23:09", "07/03/2016 16:23"})
    void refusesMessageWithUnparsableTimestamp(String timestamp) {
        ObjectNode m = inner();
        m.put("timestamp", timestamp);

        RejectedMessageException e = rejection(v2(m));

        assertThat(e.reason()).isEqualTo(RejectReason.BAD_TIMESTAMP);
        assertThat(e.reason().code()).isEqualTo("bad-timestamp");
        assertThat(e.getMessage()).isEqualTo("timestamp '" + timestamp + "' is not an ISO-8601 time");
        assertThat(e.messageId()).isEqualTo("dae6f69c-00e0-41c0-b371-41ec3b7f4451");
    }

    @Test
    void refusesMessageWithoutTimestamp() {
        ObjectNode m = inner();
        m.remove("timestamp");

        RejectedMessageException e = rejection(bytes(m));

        assertThat(e.reason().code()).isEqualTo("bad-timestamp");
        assertThat(e.messageId()).isEqualTo("dae6f69c-00e0-41c0-b371-41ec3b7f4451");
    }

    @Test
    void everyReasonHasADistinctKebabCaseCode() {
        assertThat(RejectReason.values())
                .extracting(RejectReason::code)
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z]+(-[a-z]+)*"));
    }
}
