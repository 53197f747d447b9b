package io.meterhub.mediation.polling;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.RejectReason;
import io.meterhub.mediation.RejectedMessageException;
import io.meterhub.model.Notification;
import io.meterhub.model.Sample;
import io.meterhub.model.signing.Ed25519Signer;
import io.meterhub.model.signing.MessageSigner;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the notifications of Ceilometer's polling agent ({@code telemetry.polling}, payload
 * {@code {"samples": [meter message, ...]}}) into samples, one per meter message, each keeping its own
 * {@code message_id}.
 *
 * <p>With a secret (Ceilometer's {@code [publisher] telemetry_secret}), every meter message must carry the signature
 * {@link MessageSigner} computes for it, or the whole notification is refused: {@link RejectReason#MISSING_SIGNATURE}
 * when {@code message_signature} is absent, null or empty (what an agent without a secret sends),
 * {@link RejectReason#BAD_SIGNATURE} when it does not match. Signatures are checked before anything else in a meter message is read.
 * Without a secret they are not checked. With registered agent keys, every meter message must also carry a valid
 * Ed25519 signature ({@link Ed25519Signer}) of one of them: {@link RejectReason#MISSING_ED25519_SIGNATURE},
 * {@link RejectReason#UNKNOWN_AGENT_KEY} or {@link RejectReason#BAD_ED25519_SIGNATURE} otherwise — so that a holder
 * of the shared secret cannot forge an agent's samples. A notification with a malformed payload or meter message is refused too
 * (see {@link MeterMessageReader} for what a meter message needs); one with no samples yields none.
 *
 * <p>Stateless and thread-safe. It is meant to sit beside the notification meters behind a
 * {@code NotificationTranslator}, for the notifications {@link #matches} accepts.
 */
public final class PollingSampleConverter {

    /** The event type the polling agent sends its samples under. */
    public static final String EVENT_TYPE = "telemetry.polling";

    private final Optional<String> secret;
    private final Map<String, PublicKey> agentKeys;

    /**
     * @param secret the shared {@code telemetry_secret} to verify every sample with, or empty to verify none
     * @throws IllegalArgumentException when the secret is present but empty: Ceilometer treats an empty secret as
     *     "do not sign", so it cannot mean "verify"
     */
    public PollingSampleConverter(Optional<String> secret) {
        this(secret, Map.of());
    }

    /**
     * @param secret the shared {@code telemetry_secret} to verify every sample with, or empty to verify none
     * @param agentKeys the registered agents' Ed25519 public keys by key id; empty to check no Ed25519 signature
     * @throws IllegalArgumentException when the secret is present but empty
     */
    public PollingSampleConverter(Optional<String> secret, Map<String, PublicKey> agentKeys) {
        Objects.requireNonNull(secret, "secret");
        this.agentKeys = Map.copyOf(agentKeys);
        if (secret.isPresent() && secret.get().isEmpty()) {
            throw new IllegalArgumentException("an empty telemetry secret verifies nothing; pass Optional.empty()");
        }
        this.secret = secret;
    }

    /** Whether notifications of {@code eventType} are this converter's to translate. */
    public boolean matches(String eventType) {
        return EVENT_TYPE.equals(eventType);
    }

    /**
     * The samples of a {@code telemetry.polling} notification, in payload order.
     *
     * @throws RejectedMessageException when the payload or a meter message is malformed, or (with a secret) a meter
     *     message's signature is missing or wrong; the detail names the meter message by position,
     *     {@code message_id} and {@code counter_name}
     * @throws IllegalArgumentException when the notification is not a {@code telemetry.polling} one
     */
    public List<Sample> toSamples(Notification notification) throws RejectedMessageException {
        if (!matches(notification.eventType())) {
            throw new IllegalArgumentException("not a " + EVENT_TYPE + " notification: " + notification.eventType());
        }
        JsonNode messages = notification.payload().path("samples");
        if (!messages.isArray()) {
            throw new RejectedMessageException(
                    RejectReason.MALFORMED_PAYLOAD,
                    EVENT_TYPE + " payload has no list of samples (payload.samples is "
                            + (messages.isMissingNode()
                                    ? "absent"
                                    : "a JSON " + messages.getNodeType().name().toLowerCase(Locale.ROOT))
                            + ")",
                    notification.messageId(),
                    null);
        }
        List<Sample> samples = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String position = "sample " + (i + 1) + " of " + messages.size();
            if (secret.isPresent() && message.isObject()) {
                checkSignature(message, position, notification.messageId());
            }
            if (!agentKeys.isEmpty() && message.isObject()) {
                checkEd25519(message, position, notification.messageId());
            }
            samples.add(MeterMessageReader.read(message, position, notification.messageId()));
        }
        return samples;
    }

    private void checkSignature(JsonNode message, String position, String notificationId)
            throws RejectedMessageException {
        JsonNode signature = message.path(MessageSigner.SIGNATURE_FIELD);
        if (signature.isMissingNode() || signature.isNull() || "".equals(signature.textValue())) {
            throw new RejectedMessageException(
                    RejectReason.MISSING_SIGNATURE,
                    MeterMessageReader.describe(message, position) + ": no message_signature, and a telemetry "
                            + "secret is configured",
                    notificationId,
                    null);
        }
        if (!MessageSigner.verify(message, secret.orElseThrow())) {
            throw new RejectedMessageException(
                    RejectReason.BAD_SIGNATURE,
                    MeterMessageReader.describe(message, position) + ": message_signature does not match the "
                            + "message (altered, or signed with another secret)",
                    notificationId,
                    null);
        }
    }

    private void checkEd25519(JsonNode message, String position, String notificationId)
            throws RejectedMessageException {
        Ed25519Signer.Verdict verdict = Ed25519Signer.check(message, agentKeys);
        if (verdict == Ed25519Signer.Verdict.VALID) {
            return;
        }
        String subject = MeterMessageReader.describe(message, position) + ": ";
        RejectedMessageException refusal =
                switch (verdict) {
                    case MISSING -> new RejectedMessageException(
                            RejectReason.MISSING_ED25519_SIGNATURE,
                            subject + "no " + Ed25519Signer.FIELD + ", and agent keys are registered",
                            notificationId,
                            null);
                    case UNKNOWN_KEY -> new RejectedMessageException(
                            RejectReason.UNKNOWN_AGENT_KEY,
                            subject + "signed by key "
                                    + message.path(Ed25519Signer.FIELD)
                                            .path("key_id")
                                            .asText()
                                    + ", which is not registered",
                            notificationId,
                            null);
                    default -> new RejectedMessageException(
                            RejectReason.BAD_ED25519_SIGNATURE,
                            subject + Ed25519Signer.FIELD + " does not match the message (altered after the agent "
                                    + "signed it, or signed with another key)",
                            notificationId,
                            null);
                };
        throw refusal;
    }
}
