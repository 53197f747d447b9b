package io.meterhub.model.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ed25519SignerTest {

    private final KeyPair pair = Ed25519Keys.generate();
    private final String keyId = Ed25519Keys.keyId(pair.getPublic());
    private final Map<String, PublicKey> registered = Map.of(keyId, pair.getPublic());

    @Test
    void signedMessageVerifiesAndStillCarriesAValidHmac() throws Exception {
        ObjectNode m = message();
        Ed25519Signer.sign(m, pair.getPrivate(), keyId);
        m.put(MessageSigner.SIGNATURE_FIELD, MessageSigner.compute(m, "s"));
        JsonNode received = Json.mapper().readTree(Json.mapper().writeValueAsBytes(m));

        assertThat(Ed25519Signer.check(received, registered)).isEqualTo(Ed25519Signer.Verdict.VALID);
        assertThat(MessageSigner.verify(received, "s")).isTrue();
        assertThat(received.get(Ed25519Signer.FIELD).get("key_id").textValue()).isEqualTo(keyId);
    }

    @Test
    void rejectsTamperedVolume() {
        ObjectNode m = message();
        Ed25519Signer.sign(m, pair.getPrivate(), keyId);
        m.put("counter_volume", 43);

        assertThat(Ed25519Signer.check(m, registered)).isEqualTo(Ed25519Signer.Verdict.BAD);
    }

    @Test
    void rejectsSignatureOfAnotherKeyUnderTheRegisteredId() {
        ObjectNode m = message();
        Ed25519Signer.sign(m, Ed25519Keys.generate().getPrivate(), keyId);

        assertThat(Ed25519Signer.check(m, registered)).isEqualTo(Ed25519Signer.Verdict.BAD);
    }

    @Test
    void tellsMissingFromUnknownKey() {
        ObjectNode m = message();
        assertThat(Ed25519Signer.check(m, registered)).isEqualTo(Ed25519Signer.Verdict.MISSING);
        m.put(Ed25519Signer.FIELD, "not an object");
        assertThat(Ed25519Signer.check(m, registered)).isEqualTo(Ed25519Signer.Verdict.MISSING);
        Ed25519Signer.sign(m, pair.getPrivate(), "0000000000000000");
        assertThat(Ed25519Signer.check(m, registered)).isEqualTo(Ed25519Signer.Verdict.UNKNOWN_KEY);
    }

    @Test
    void garbageSignatureIsBadNotAnError() {
        ObjectNode m = message();
        Ed25519Signer.sign(m, pair.getPrivate(), keyId);
        ((ObjectNode) m.get(Ed25519Signer.FIELD)).put("signature", "%%% not base64");

        assertThat(Ed25519Signer.check(m, registered)).isEqualTo(Ed25519Signer.Verdict.BAD);
    }

    @Test
    void keyFilesRoundTripAndAreReusedOnceCreated(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/agent.key");
        KeyPair created = Ed25519Keys.loadOrCreate(file);
        KeyPair loaded = Ed25519Keys.loadOrCreate(file);

        assertThat(loaded.getPublic().getEncoded())
                .isEqualTo(created.getPublic().getEncoded());
        assertThat(loaded.getPrivate().getEncoded())
                .isEqualTo(created.getPrivate().getEncoded());
        assertThat(Files.readString(Ed25519Keys.publicFileOf(file))).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
        assertThat(Ed25519Keys.keyId(Ed25519Keys.readPublic(Ed25519Keys.publicFileOf(file))))
                .hasSize(16)
                .isEqualTo(Ed25519Keys.keyId(created.getPublic()));
    }

    private static ObjectNode message() {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("counter_name", "cpu");
        m.put("counter_volume", 42);
        m.put("resource_id", "r");
        m.putObject("resource_metadata").putArray("tags").add("café");
        return m;
    }
}
