package io.meterhub.mediation.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.RejectReason;
import io.meterhub.mediation.RejectedMessageException;
import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import io.meterhub.model.signing.Ed25519Keys;
import io.meterhub.model.signing.Ed25519Signer;
import io.meterhub.model.signing.MessageSigner;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Polling samples against registered agent keys: the HMAC proves the shared secret, Ed25519 the agent. */
class PollingEd25519Test {

    private static final String SECRET = "s";

    private final KeyPair agent = Ed25519Keys.generate();
    private final String keyId = Ed25519Keys.keyId(agent.getPublic());
    private final PollingSampleConverter converter =
            new PollingSampleConverter(Optional.of(SECRET), Map.of(keyId, agent.getPublic()));

    @Test
    void storesWhatTheRegisteredAgentSigned() throws Exception {
        ObjectNode m = message();
        Ed25519Signer.sign(m, agent.getPrivate(), keyId);
        hmac(m);

        assertThat(converter.toSamples(notification(m)))
                .singleElement()
                .satisfies(s -> assertThat(s.volume().longValue()).isEqualTo(1024));
    }

    @Test
    void refusesASampleAlteredByAHolderOfTheSharedSecret() {
        ObjectNode m = message();
        Ed25519Signer.sign(m, agent.getPrivate(), keyId);
        m.put("counter_volume", 1);
        hmac(m); // the forger knows the secret: the HMAC is valid

        assertThat(refusal(m).reason()).isEqualTo(RejectReason.BAD_ED25519_SIGNATURE);
    }

    @Test
    void refusesUnsignedAndUnregisteredSamples() {
        ObjectNode unsigned = message();
        hmac(unsigned);
        assertThat(refusal(unsigned).reason()).isEqualTo(RejectReason.MISSING_ED25519_SIGNATURE);

        ObjectNode stranger = message();
        KeyPair other = Ed25519Keys.generate();
        Ed25519Signer.sign(stranger, other.getPrivate(), Ed25519Keys.keyId(other.getPublic()));
        hmac(stranger);
        RejectedMessageException e = refusal(stranger);
        assertThat(e.reason()).isEqualTo(RejectReason.UNKNOWN_AGENT_KEY);
        assertThat(e.getMessage()).contains(Ed25519Keys.keyId(other.getPublic()));
    }

    @Test
    void withoutRegisteredKeysTheEd25519FieldIsNotRequired() throws Exception {
        ObjectNode m = message();
        hmac(m);
        assertThat(new PollingSampleConverter(Optional.of(SECRET)).toSamples(notification(m)))
                .hasSize(1);
    }

    private RejectedMessageException refusal(ObjectNode m) {
        return catchThrowableOfType(RejectedMessageException.class, () -> converter.toSamples(notification(m)));
    }

    private static void hmac(ObjectNode m) {
        m.put(MessageSigner.SIGNATURE_FIELD, MessageSigner.compute(m, SECRET));
    }

    private static ObjectNode message() {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("source", "openstack");
        m.put("counter_name", "hardware.memory.used");
        m.put("counter_type", "gauge");
        m.put("counter_unit", "KB");
        m.put("counter_volume", 1024);
        m.putNull("user_id");
        m.putNull("project_id");
        m.put("resource_id", "node-1");
        m.put("timestamp", "2026-01-15T10:05:00.123456");
        m.putObject("resource_metadata").put("host", "node-1");
        m.put("message_id", "9b2c1d4e-0000-4000-8000-000000000001");
        m.putNull("monotonic_time");
        return m;
    }

    private static Notification notification(ObjectNode sample) {
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.putArray("samples").add(sample);
        ObjectNode raw = Json.mapper().createObjectNode();
        return new Notification(
                "n-1",
                "ceilometer.polling",
                "telemetry.polling",
                "SAMPLE",
                Instant.EPOCH,
                payload,
                raw.objectNode(),
                raw);
    }
}
