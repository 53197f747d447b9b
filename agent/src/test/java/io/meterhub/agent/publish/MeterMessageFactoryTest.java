package io.meterhub.agent.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.agent.spi.Measurement;
import io.meterhub.model.Json;
import io.meterhub.model.SampleType;
import io.meterhub.model.signing.Ed25519Keys;
import io.meterhub.model.signing.Ed25519Signer;
import io.meterhub.model.signing.MessageSigner;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MeterMessageFactoryTest {

    private static final Instant POLLED = Instant.parse("2026-01-15T10:05:00.123456Z");

    private final Measurement cpu = new Measurement(
            "cpu",
            SampleType.CUMULATIVE,
            "ns",
            1_234_567_890_000L,
            "u-1",
            "p-1",
            "c3c9b6a4-5d7e-4f1a-9b0c-2e8d7f6a5b4c",
            Json.mapper().createObjectNode().put("cpu_number", 2));

    @Test
    void writesCeilometer19sMeterMessageInItsKeyOrder() {
        ObjectNode m = new MeterMessageFactory("openstack", "s", Optional.empty(), null).message(cpu, POLLED);

        assertThat(m.fieldNames())
                .toIterable()
                .containsExactly(
                        "source",
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
                        "monotonic_time",
                        "message_signature");
        assertThat(m.get("timestamp").textValue()).isEqualTo("2026-01-15T10:05:00.123456");
        assertThat(m.get("counter_volume").isIntegralNumber()).isTrue();
        assertThat(m.get("counter_type").textValue()).isEqualTo("cumulative");
        assertThat(MessageSigner.verify(m, "s")).isTrue();
    }

    @Test
    void theMessageIdIsANewVersion7UuidOfThePollsMillisecond() {
        MeterMessageFactory factory = new MeterMessageFactory("openstack", "s", Optional.empty(), null);
        UUID first =
                UUID.fromString(factory.message(cpu, POLLED).get("message_id").textValue());
        UUID second =
                UUID.fromString(factory.message(cpu, POLLED).get("message_id").textValue());

        assertThat(first).isNotEqualTo(second);
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).isEqualTo(POLLED.toEpochMilli());
    }

    @Test
    void withoutSecretTheSignatureIsEmptyAsCeilometers() {
        ObjectNode m = new MeterMessageFactory("openstack", null, Optional.empty(), null).message(cpu, POLLED);
        assertThat(m.get(MessageSigner.SIGNATURE_FIELD).textValue()).isEmpty();
    }

    @Test
    void ed25519AndHmacBothVerifyAfterTheEnvelopeRoundTrip() throws Exception {
        KeyPair pair = Ed25519Keys.generate();
        String keyId = Ed25519Keys.keyId(pair.getPublic());
        ObjectNode m = new MeterMessageFactory("openstack", "s", Optional.of(pair), keyId).message(cpu, POLLED);
        byte[] body = new OsloNotification(Clock.fixed(POLLED, ZoneOffset.UTC)).body(List.of(m));

        JsonNode envelope = Json.mapper().readTree(new String(body, StandardCharsets.UTF_8));
        assertThat(envelope.get("oslo.version").textValue()).isEqualTo("2.0");
        JsonNode inner = Json.mapper().readTree(envelope.get("oslo.message").textValue());
        assertThat(inner.get("event_type").textValue()).isEqualTo("telemetry.polling");
        assertThat(inner.get("publisher_id").textValue()).isEqualTo("ceilometer.polling");
        assertThat(inner.get("priority").textValue()).isEqualTo("SAMPLE");
        assertThat(inner.get("timestamp").textValue()).isEqualTo("2026-01-15 10:05:00.123456");
        JsonNode received = inner.get("payload").get("samples").get(0);
        assertThat(MessageSigner.verify(received, "s")).isTrue();
        assertThat(Ed25519Signer.check(received, Map.of(keyId, pair.getPublic())))
                .isEqualTo(Ed25519Signer.Verdict.VALID);
    }

    @Test
    void floatVolumesStayFloats() {
        Measurement load = Measurement.of("hardware.cpu.load.1min", SampleType.GAUGE, "process", 1.0, "h", null);
        ObjectNode m = new MeterMessageFactory("openstack", "s", Optional.empty(), null).message(load, POLLED);
        assertThat(m.get("counter_volume").isFloatingPointNumber()).isTrue();
        assertThat(m.get("counter_volume").toString()).isEqualTo("1.0");
    }
}
