package io.meterhub.agent.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.agent.spi.Measurement;
import io.meterhub.model.Json;
import io.meterhub.model.Timestamps;
import io.meterhub.model.signing.Ed25519Signer;
import io.meterhub.model.signing.MessageSigner;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes Ceilometer 19's meter message ({@code publisher.utils.meter_message_from_counter}) of a measurement, with its
 * keys in Ceilometer's order: {@code source, counter_name, counter_type, counter_unit, counter_volume, user_id,
 * project_id, resource_id, timestamp, resource_metadata, message_id, monotonic_time, message_signature}. The timestamp
 * is the poll's, naive UTC as the polling manager writes it ({@code 2026-01-15T10:05:00.123456}); the message id a
 * random UUID that begins with the poll's time ({@link TimeOrderedIds}; Ceilometer's is a time-based uuid1, whose
 * time does not come first: only uniqueness matters to its consumers, and the hub's store inserts these in order);
 * {@code monotonic_time} null. With an Ed25519 key the message also carries {@link Ed25519Signer#FIELD}, which the
 * HMAC then covers. Without a secret {@code message_signature} is {@code ""}, as Ceilometer's.
 */
public final class MeterMessageFactory {

    private final String source;
    private final String secret;
    private final Optional<KeyPair> ed25519;
    private final String keyId;
    private final TimeOrderedIds ids = new TimeOrderedIds();

    /**
     * @param source the samples' {@code source} ({@code openstack}, Ceilometer's default)
     * @param secret the telemetry secret, or null to sign with {@code ""}
     * @param ed25519 the agent's key pair to add the Ed25519 signature with, or empty
     * @param keyId the id of that key pair's public key
     */
    public MeterMessageFactory(String source, String secret, Optional<KeyPair> ed25519, String keyId) {
        this.source = Objects.requireNonNull(source, "source");
        this.secret = secret;
        this.ed25519 = Objects.requireNonNull(ed25519, "ed25519");
        this.keyId = keyId;
    }

    /** The signed meter message of {@code m}, polled at {@code polledAt}. */
    public ObjectNode message(Measurement m, Instant polledAt) {
        ObjectNode msg = Json.mapper().createObjectNode();
        msg.put("source", source);
        msg.put("counter_name", m.name());
        msg.put("counter_type", m.type().wireName());
        msg.put("counter_unit", m.unit());
        putVolume(msg, m.volume());
        msg.put("user_id", m.userId());
        msg.put("project_id", m.projectId());
        msg.put("resource_id", m.resourceId());
        msg.put("timestamp", Timestamps.isoformat(polledAt, false));
        msg.set("resource_metadata", m.metadata().deepCopy());
        msg.put("message_id", ids.next(polledAt).toString());
        msg.putNull("monotonic_time");
        ed25519.ifPresent(pair -> Ed25519Signer.sign(msg, pair.getPrivate(), keyId));
        msg.put(MessageSigner.SIGNATURE_FIELD, MessageSigner.compute(msg, secret));
        return msg;
    }

    private static void putVolume(ObjectNode msg, Number v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            msg.put("counter_volume", v.longValue());
        } else if (v instanceof java.math.BigInteger big) {
            msg.put("counter_volume", big);
        } else {
            msg.put("counter_volume", v.doubleValue());
        }
    }
}
