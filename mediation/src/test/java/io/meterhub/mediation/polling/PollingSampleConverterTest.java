package io.meterhub.mediation.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.RejectReason;
import io.meterhub.mediation.RejectedMessageException;
import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import io.meterhub.model.Sample;
import io.meterhub.model.SampleType;
import io.meterhub.model.signing.MessageSigner;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PollingSampleConverterTest {

    private static final String CPU_SAMPLE_1 = "98d9468b-c2a6-1344-89ed-3c5c67d212a9";
    private static final String CPU_SAMPLE_2 = "f9f36160-8790-1e89-afd5-9bca6cd2b9d5";

    private final PollingSampleConverter verifying = new PollingSampleConverter(Optional.of(PollingFixtures.SECRET));
    private final PollingSampleConverter trusting = new PollingSampleConverter(Optional.empty());

    @Test
    void everyNotificationOfTheAgentVerifiesAndConverts() throws Exception {
        int count = 0;
        for (JsonNode fixture : PollingFixtures.all()) {
            Notification n = PollingFixtures.decode(fixture.get("body").textValue());
            ArrayNode messages = (ArrayNode) n.payload().get("samples");

            List<Sample> samples = verifying.toSamples(n);

            assertThat(samples).hasSize(messages.size());
            for (int i = 0; i < samples.size(); i++) {
                assertMirrors(samples.get(i), messages.get(i));
            }
            assertThat(trusting.toSamples(n)).isEqualTo(samples);
            count += samples.size();
        }
        assertThat(count).isEqualTo(7);
    }

    @Test
    void cpuSamplesKeepTheirOwnIdsAndIntegralVolumes() throws Exception {
        List<Sample> samples = verifying.toSamples(PollingFixtures.notification("compute-cpu"));

        Sample first = samples.get(0);
        assertThat(first.source()).isEqualTo("openstack");
        assertThat(first.name()).isEqualTo("cpu");
        assertThat(first.type()).isEqualTo(SampleType.CUMULATIVE);
        assertThat(first.unit()).isEqualTo("ns");
        assertThat(first.volume()).isEqualTo(1234567890000L);
        assertThat(first.userId()).isEqualTo("u-1");
        assertThat(first.projectId()).isEqualTo("p-1");
        assertThat(first.resourceId()).isEqualTo("c3c9b6a4-5d7e-4f1a-9b0c-2e8d7f6a5b4c");
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2026-01-15T10:05:00.123456Z"));
        assertThat(first.resourceMetadata().at("/flavor/ram").intValue()).isEqualTo(2048);
        assertThat(first.messageId()).isEqualTo(CPU_SAMPLE_1);
        assertThat(samples.get(1).messageId()).isEqualTo(CPU_SAMPLE_2);
        assertThat(samples.get(1).resourceMetadata().get("display_name").textValue())
                .isEqualTo("Café \uD83D\uDE00");
    }

    @Test
    void floatVolumesAndNullUsersComeThrough() throws Exception {
        assertThat(verifying
                        .toSamples(PollingFixtures.notification("compute-memory"))
                        .get(0)
                        .volume())
                .isEqualTo(512.25);
        List<Sample> images = verifying.toSamples(PollingFixtures.notification("central-image"));
        assertThat(images).extracting(Sample::volume).containsExactly(13287936, 1e-07);
        assertThat(images).extracting(Sample::userId).containsOnlyNulls();
    }

    @Test
    void tamperedVolumeIsRejected() {
        String body = PollingFixtures.body("compute-cpu").replace("98765432100", "98765432101");

        RejectedMessageException e = rejection(verifying, PollingFixtures.decode(body));

        assertThat(e.reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
        assertThat(e.getMessage()).contains("sample 2 of 2", CPU_SAMPLE_2, "'cpu'");
        assertThat(e.messageId()).isEqualTo("6cf3b559-dc60-431a-86b2-fb22a79151ec");
    }

    @Test
    void tamperedMetadataIsRejected() {
        String body = PollingFixtures.body("compute-cpu").replaceFirst("web-01", "web-02");

        RejectedMessageException e = rejection(verifying, PollingFixtures.decode(body));

        assertThat(e.reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
        assertThat(e.getMessage()).contains("sample 1 of 2", CPU_SAMPLE_1);
    }

    @Test
    void tamperedListInsideMetadataIsRejected() {
        String body = PollingFixtures.body("compute-disk").replace("it's", "it`s");

        assertThat(rejection(verifying, PollingFixtures.decode(body)).reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
    }

    @Test
    void anIntSentAsAFloatIsATamperedSample() {
        String body = PollingFixtures.body("compute-cpu").replace("1234567890000", "1234567890000.0");

        assertThat(rejection(verifying, PollingFixtures.decode(body)).reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
    }

    @Test
    void tamperedSampleIsAcceptedWithoutASecret() throws Exception {
        String body = PollingFixtures.body("compute-cpu").replace("98765432100", "98765432101");

        assertThat(trusting.toSamples(PollingFixtures.decode(body)).get(1).volume())
                .isEqualTo(98765432101L);
    }

    @Test
    void keyOrderAndSpacingOfTheJsonDoNotMatter() throws Exception {
        Notification n = PollingFixtures.notification("compute-disk");
        ArrayNode reordered = Json.mapper().createArrayNode();
        for (JsonNode message : n.payload().get("samples")) {
            ObjectNode backwards = Json.mapper().createObjectNode();
            List<String> names = new java.util.ArrayList<>();
            message.fieldNames().forEachRemaining(names::add);
            java.util.Collections.reverse(names);
            names.forEach(name -> backwards.set(name, message.get(name)));
            reordered.add(backwards);
        }
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.set(
                "samples",
                Json.mapper()
                        .readTree(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(reordered)));

        assertThat(verifying.toSamples(withPayload(n, payload))).hasSize(2);
    }

    @Test
    void wrongSecretIsRejected() {
        PollingSampleConverter other = new PollingSampleConverter(Optional.of(PollingFixtures.SECRET + "-not"));

        RejectedMessageException e = rejection(other, PollingFixtures.notification("compute-memory"));

        assertThat(e.reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
        assertThat(e.getMessage()).contains("2174de21-40e0-1b6c-9737-0d65351dfc8b", "'memory.usage'");
        assertThat(e.getMessage()).doesNotContainPattern("[0-9a-f]{64}");
    }

    @Test
    void missingSignatureIsRejectedOnlyWithASecret() throws Exception {
        Notification n = editSample(PollingFixtures.notification("compute-cpu"), 1, m -> m.remove("message_signature"));

        RejectedMessageException e = rejection(verifying, n);
        assertThat(e.reason()).isEqualTo(RejectReason.MISSING_SIGNATURE);
        assertThat(e.getMessage()).contains("sample 2 of 2", CPU_SAMPLE_2, "'cpu'");

        assertThat(trusting.toSamples(n)).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null"})
    void emptyOrNullSignatureIsMissing(String value) {
        Notification n = editSample(
                PollingFixtures.notification("compute-memory"),
                0,
                m -> m.set("message_signature", value.isEmpty() ? m.textNode("") : m.nullNode()));

        assertThat(rejection(verifying, n).reason()).isEqualTo(RejectReason.MISSING_SIGNATURE);
    }

    @Test
    void signaturesAreCheckedBeforeTheSampleIsRead() {
        Notification n = editSample(PollingFixtures.notification("compute-memory"), 0, m -> {
            m.remove("message_signature");
            m.put("counter_type", "rate");
        });

        assertThat(rejection(verifying, n).reason()).isEqualTo(RejectReason.MISSING_SIGNATURE);
        assertThat(rejection(trusting, n).reason()).isEqualTo(RejectReason.MALFORMED_SAMPLE);
    }

    @Test
    void aCorrectlySignedMalformedSampleIsStillMalformed() {
        Notification n = editSample(PollingFixtures.notification("compute-memory"), 0, m -> {
            m.put("counter_volume", "512.25");
            m.put("message_signature", MessageSigner.compute(m, PollingFixtures.SECRET));
        });

        RejectedMessageException e = rejection(verifying, n);

        assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_SAMPLE);
        assertThat(e.getMessage()).contains("counter_volume '512.25' is not a number");
    }

    @Test
    void malformedSamplesAreRejectedWithWhatIsWrong() {
        assertMalformed(m -> m.remove("counter_name"), RejectReason.MALFORMED_SAMPLE, "counter_name is missing");
        assertMalformed(m -> m.put("counter_name", ""), RejectReason.MALFORMED_SAMPLE, "counter_name is missing");
        assertMalformed(
                m -> m.put("counter_type", "rate"), RejectReason.MALFORMED_SAMPLE, "unknown sample type 'rate'");
        assertMalformed(m -> m.putNull("counter_volume"), RejectReason.MALFORMED_SAMPLE, "counter_volume null is not");
        assertMalformed(m -> m.remove("counter_volume"), RejectReason.MALFORMED_SAMPLE, "counter_volume is missing");
        assertMalformed(m -> m.put("counter_volume", true), RejectReason.MALFORMED_SAMPLE, "not a number");
        assertMalformed(m -> m.put("timestamp", "yesterday"), RejectReason.BAD_TIMESTAMP, "'yesterday' is not");
        assertMalformed(m -> m.remove("timestamp"), RejectReason.BAD_TIMESTAMP, "timestamp is missing");
        assertMalformed(m -> m.remove("resource_id"), RejectReason.MALFORMED_SAMPLE, "resource_id is missing");
        assertMalformed(m -> m.remove("message_id"), RejectReason.MALFORMED_SAMPLE, "message_id is missing");
        assertMalformed(m -> m.put("user_id", 42), RejectReason.MALFORMED_SAMPLE, "user_id is a JSON number");
        assertMalformed(m -> m.putArray("resource_metadata"), RejectReason.MALFORMED_SAMPLE, "resource_metadata is");
    }

    @Test
    void optionalFieldsTakeCeilometersDefaults() throws Exception {
        Notification n = editSample(PollingFixtures.notification("compute-memory"), 0, m -> {
            m.remove(List.of("source", "counter_unit", "user_id", "project_id", "resource_metadata"));
        });

        Sample s = trusting.toSamples(n).get(0);

        assertThat(s.source()).isEqualTo("openstack");
        assertThat(s.unit()).isNull();
        assertThat(s.userId()).isNull();
        assertThat(s.projectId()).isNull();
        assertThat(s.resourceMetadata()).isEmpty();
    }

    @Test
    void hugeIntegralVolumesStayExact() throws Exception {
        Notification n = editSample(
                PollingFixtures.notification("compute-memory"),
                0,
                m -> m.put("counter_volume", new BigInteger("9223372036854788153")));

        assertThat(trusting.toSamples(n).get(0).volume()).isEqualTo(new BigInteger("9223372036854788153"));
    }

    @Test
    void sampleThatIsNotAnObjectIsMalformed() {
        Notification n = PollingFixtures.notification("compute-memory");
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.putArray("samples").add("cpu");

        RejectedMessageException e = rejection(verifying, withPayload(n, payload));

        assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_SAMPLE);
        assertThat(e.getMessage()).contains("sample 1 of 1", "is a JSON string, not an object");
    }

    @Test
    void payloadWithoutAListOfSamplesIsMalformed() {
        Notification n = PollingFixtures.notification("compute-memory");
        ObjectNode notAList = Json.mapper().createObjectNode();
        notAList.putObject("samples");

        assertThat(rejection(verifying, withPayload(n, notAList)).reason()).isEqualTo(RejectReason.MALFORMED_PAYLOAD);
        assertThat(rejection(trusting, withPayload(n, Json.mapper().createObjectNode()))
                        .getMessage())
                .contains("payload.samples is absent");
        assertThat(rejection(trusting, withPayload(n, Json.mapper().createArrayNode()))
                        .reason())
                .isEqualTo(RejectReason.MALFORMED_PAYLOAD);
    }

    @Test
    void noSamplesMakeNoSamples() throws Exception {
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.putArray("samples");

        assertThat(verifying.toSamples(withPayload(PollingFixtures.notification("compute-cpu"), payload)))
                .isEmpty();
    }

    @Test
    void onlyPollingNotificationsMatch() {
        Notification n = PollingFixtures.notification("compute-cpu");
        Notification other = new Notification(
                n.messageId(),
                n.publisherId(),
                "compute.instance.exists",
                n.priority(),
                n.timestamp(),
                n.payload(),
                n.context(),
                n.message());

        assertThat(verifying.matches("telemetry.polling")).isTrue();
        assertThat(verifying.matches("telemetry.api")).isFalse();
        assertThatThrownBy(() -> verifying.toSamples(other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptySecretIsAConfigurationError() {
        assertThatThrownBy(() -> new PollingSampleConverter(Optional.of("")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertMalformed(Consumer<ObjectNode> edit, RejectReason reason, String problem) {
        Notification n = editSample(PollingFixtures.notification("compute-memory"), 0, edit);

        RejectedMessageException e = rejection(trusting, n);

        assertThat(e.reason()).as("reason for: %s", e.getMessage()).isEqualTo(reason);
        assertThat(e.getMessage()).startsWith("sample 1 of 1 (message_id ").contains(problem);
        assertThat(e.messageId()).isEqualTo(n.messageId());
    }

    private static void assertMirrors(Sample s, JsonNode m) {
        assertThat(s.name()).isEqualTo(m.get("counter_name").textValue());
        assertThat(s.type().wireName()).isEqualTo(m.get("counter_type").textValue());
        assertThat(s.unit()).isEqualTo(m.get("counter_unit").textValue());
        assertThat(s.volume()).isEqualTo(m.get("counter_volume").numberValue());
        assertThat(s.userId()).isEqualTo(m.get("user_id").textValue());
        assertThat(s.projectId()).isEqualTo(m.get("project_id").textValue());
        assertThat(s.resourceId()).isEqualTo(m.get("resource_id").textValue());
        assertThat(s.timestamp()).isEqualTo(Instant.parse(m.get("timestamp").textValue() + "Z"));
        assertThat(s.resourceMetadata()).isEqualTo(m.get("resource_metadata"));
        assertThat(s.messageId()).isEqualTo(m.get("message_id").textValue());
    }

    private static RejectedMessageException rejection(PollingSampleConverter converter, Notification n) {
        RejectedMessageException e = catchThrowableOfType(RejectedMessageException.class, () -> converter.toSamples(n));
        assertThat(e).as("the notification should be rejected").isNotNull();
        return e;
    }

    /** A copy of {@code n} whose sample {@code index} is edited; the original tree is left alone. */
    private static Notification editSample(Notification n, int index, Consumer<ObjectNode> edit) {
        ObjectNode payload = ((ObjectNode) n.payload()).deepCopy();
        edit.accept((ObjectNode) payload.get("samples").get(index));
        return withPayload(n, payload);
    }

    private static Notification withPayload(Notification n, JsonNode payload) {
        return new Notification(
                n.messageId(),
                n.publisherId(),
                n.eventType(),
                n.priority(),
                n.timestamp(),
                payload,
                n.context(),
                n.message());
    }
}
