package io.meterhub.routes.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HubSignatureTest {

    @Test
    void isTheHexHmacSha256OfTheBodyWithTheSecret() {
        // RFC 4231-style known answer (Wikipedia's HMAC example)
        assertThat(HubSignature.of(
                        "key", "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }
}
