package io.meterhub.routes.websub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** WebSub's authenticated content distribution: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256>}. */
public final class HubSignature {

    /** The header a signed push carries. */
    public static final String HEADER = "X-Hub-Signature-256";

    private HubSignature() {}

    /** The header's value for {@code body} signed with {@code secret}. */
    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
