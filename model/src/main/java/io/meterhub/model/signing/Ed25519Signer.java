package io.meterhub.model.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/**
 * meterhub's second, non-repudiable signature of a meter message: Ed25519 (RFC 8032, the JDK's own {@code Ed25519})
 * by a key of the agent that polled it, so that holding the shared telemetry secret is not enough to forge a sample.
 *
 * <p>The signature travels in the extra field {@value #FIELD}, an object {@code {"key_id": ..., "signature": ...}}:
 * {@code key_id} is {@link Ed25519Keys#keyId} of the public key, {@code signature} the base64 signature of the UTF-8
 * text Ceilometer's HMAC signs ({@link MessageSigner}'s canonical walk) over the message <em>without</em> this field.
 * Ceilometer ignores fields it does not know, so a Ceilometer consumer still reads the sample. Sign with this first,
 * then with {@link MessageSigner}: the HMAC then covers this field too.
 */
public final class Ed25519Signer {

    /** The field of the Ed25519 signature. */
    public static final String FIELD = "message_signature_ed25519";

    private static final String ALGORITHM = "Ed25519";

    private Ed25519Signer() {}

    /** Adds {@value #FIELD} to {@code message}, signed with {@code key} whose public half has id {@code keyId}. */
    public static void sign(ObjectNode message, PrivateKey key, String keyId) {
        ObjectNode unsigned = message.deepCopy();
        unsigned.remove(FIELD);
        byte[] text = canonical(unsigned);
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(text);
            ObjectNode field = message.putObject(FIELD);
            field.put("key_id", keyId);
            field.put("signature", Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /** What {@link #check} found. */
    public enum Verdict {
        /** Signed by the registered key named in the message, and unaltered since. */
        VALID,
        /** No {@value #FIELD}, or it is not an object with text {@code key_id} and {@code signature}. */
        MISSING,
        /** The {@code key_id} names no registered key. */
        UNKNOWN_KEY,
        /** The signature does not match the message (altered, or signed with another key). */
        BAD
    }

    /**
     * Checks the Ed25519 signature of {@code message} against the registered public keys.
     *
     * @param keys public keys by {@link Ed25519Keys#keyId}
     */
    public static Verdict check(JsonNode message, Map<String, PublicKey> keys) {
        JsonNode field = message == null ? null : message.get(FIELD);
        if (field == null
                || !field.isObject()
                || !field.path("key_id").isTextual()
                || !field.path("signature").isTextual()) {
            return Verdict.MISSING;
        }
        PublicKey key = keys.get(field.get("key_id").textValue());
        if (key == null) {
            return Verdict.UNKNOWN_KEY;
        }
        ObjectNode unsigned = ((ObjectNode) message).deepCopy();
        unsigned.remove(FIELD);
        try {
            byte[] signature = Base64.getDecoder().decode(field.get("signature").textValue());
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(canonical(unsigned));
            return s.verify(signature) ? Verdict.VALID : Verdict.BAD;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Verdict.BAD; // not base64, not a signature of this length, a message that cannot be signed
        }
    }

    private static byte[] canonical(ObjectNode message) {
        return SigningInput.text(message).getBytes(StandardCharsets.UTF_8);
    }
}
