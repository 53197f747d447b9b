package io.meterhub.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.nio.ByteBuffer;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Keys written straight into H2's buffer are byte for byte what mongo-java-server's BSON encoder makes of them, so a
 * file keeps one format whichever way a key was written, and they read back as the same keys.
 */
class SimpleKeyBsonTest {

    private static final List<KeyValue> KEYS = List.of(
            new KeyValue(List.of("b7a8f3f2-4c36-4f8e-9a61-0d54c1e9f7aa")),
            new KeyValue(List.of("urn:uuid:1c898033-077b-56d6-a308-f749058f11ab")),
            new KeyValue(List.of("")),
            new KeyValue(List.of("héllo \uD83D\uDE00 naïve")),
            new KeyValue(List.of(0L)),
            new KeyValue(List.of(Long.MIN_VALUE)),
            new KeyValue(List.of(9_007_199_254_740_993L)),
            new KeyValue(List.of(-1)),
            new KeyValue(List.of(Integer.MAX_VALUE)),
            new KeyValue(List.of(true)),
            new KeyValue(List.of(false)),
            new KeyValue(List.of("a", 1L, 2, true, "z", "k", "l", "m", "n", "o", "p", "q")));

    @Test
    void writesWhatTheLibraryEncoderWrites() {
        for (KeyValue key : KEYS) {
            assertThat(SimpleKeyBson.fits(key)).as("%s", key).isTrue();
            WriteBuffer out = new WriteBuffer(16);
            SimpleKeyBson.write(out, key);
            ByteBuffer written = out.getBuffer().flip();
            byte[] bytes = new byte[written.remaining()];
            written.get(bytes);
            assertThat(bytes).as("%s", key).isEqualTo(BsonDocumentType.encode(KeyValueType.asDocument(key)));
        }
    }

    @Test
    void readsBackAsTheSameKeys() {
        for (KeyValue key : KEYS) {
            WriteBuffer out = new WriteBuffer(16);
            KeyValueType.INSTANCE.write(out, key);
            KeyValue read = KeyValueType.INSTANCE.read(out.getBuffer().flip());
            assertThat(read).isEqualTo(key);
            assertThat(KeyValueType.INSTANCE.compare(read, key)).isZero();
        }
    }

    @Test
    void leavesOtherTypesToTheEncoder() {
        assertThat(SimpleKeyBson.fits(new KeyValue(List.of(2.5)))).isFalse();
        assertThat(SimpleKeyBson.fits(new KeyValue(List.of("a", Missing.getInstance()))))
                .isFalse();
        assertThat(SimpleKeyBson.fits(new KeyValue(List.of(new java.util.Date(0)))))
                .isFalse();
    }
}
