package io.meterhub.model.signing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ceilometer's message signature ({@code ceilometer.publisher.utils.compute_signature} and {@code verify_signature},
 * as Ceilometer runs them under Python 3): HMAC-SHA256, keyed with the UTF-8 of {@code [publisher]
 * telemetry_secret}, over the message's names and values as Python writes them, in lower-case hex.
 *
 * <p>Messages are taken as received: a JSON object decoded by Jackson the way Python's {@code json} module decodes
 * it (a number with a fraction or exponent is a float, any other an int). Re-encoding a float differently, turning an
 * int into a float or dropping a null changes the signature. Messages signed under Python 2 verify only when they
 * hold no array.
 */
public final class MessageSigner {

    /** The field that carries the signature; a top-level field of this name is not signed. */
    public static final String SIGNATURE_FIELD = "message_signature";

    private static final String ALGORITHM = "HmacSHA256";

    private MessageSigner() {}

    /**
     * The signature of {@code message}, ignoring any {@code message_signature} it holds.
     *
     * @param message a meter (or event) message, a JSON object
     * @param secret the shared secret; when null or empty the signature is {@code ""}, as Ceilometer's
     * @return 64 lower-case hex digits, or {@code ""} without a secret
     * @throws IllegalArgumentException when {@code message} is not an object, or it or the secret holds text Python
     *     could not encode (a lone surrogate), or the message holds a node JSON has no counterpart for; Ceilometer
     *     would have failed to sign it too
     */
    public static String compute(JsonNode message, String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        Mac hmac = hmac(PythonText.Utf8.encode(secret));
        for (String chunk : SigningInput.chunks(message)) {
            hmac.update(PythonText.Utf8.encode(chunk));
        }
        return HexFormat.of().formatHex(hmac.doFinal());
    }

    /**
     * Whether {@code message} carries the signature {@link #compute} gives it, compared in constant time.
     *
     * <p>As Ceilometer's {@code verify_signature}, every message verifies when the secret is null or empty, and an
     * absent signature compares as {@code ""}. Where Ceilometer raises instead (a signature that is not a string or
     * not ASCII, a message it could not sign), this returns false.
     */
    public static boolean verify(JsonNode message, String secret) {
        if (secret == null || secret.isEmpty()) {
            return true;
        }
        if (message == null || !message.isObject()) {
            return false;
        }
        JsonNode stored = message.get(SIGNATURE_FIELD);
        String claimed = stored == null ? "" : stored.textValue();
        if (claimed == null || !StandardCharsets.US_ASCII.newEncoder().canEncode(claimed)) {
            return false;
        }
        String expected;
        try {
            expected = compute(message, secret);
        } catch (IllegalArgumentException unsignable) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), claimed.getBytes(StandardCharsets.US_ASCII));
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform provides " + ALGORITHM, e);
        }
    }
}
