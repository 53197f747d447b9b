package io.meterhub.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDbPointer;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonJavaScriptWithScope;
import org.bson.BsonString;
import org.bson.BsonSymbol;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * {@link DecodableBson} says a document decodes only when the library's decoder does decode it: for every element
 * type, for what the library refuses, and for 20,000 random corruptions of a document holding every type.
 */
class DecodableBsonTest {

    private final DecodableBson decodable = new DecodableBson();

    private boolean check(byte[] bytes) {
        return decodable.check(bytes);
    }

    private static boolean libraryDecodes(byte[] bytes) {
        try {
            BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void everyTypeTheLibraryDecodesIsDecodable() {
        assertThat(check(BsonFieldsTest.everyType())).isTrue();
        assertThat(check(BsonFieldsTest.bytes(new BsonDocument()))).isTrue();
    }

    @Test
    void whatTheLibraryRefusesIsNot() {
        BsonDocument[] refused = {
            new BsonDocument("s", new BsonSymbol("sym")),
            new BsonDocument("p", new BsonDbPointer("db.c", new ObjectId())),
            new BsonDocument("c", new BsonJavaScriptWithScope("x", new BsonDocument())),
            new BsonDocument("b", new BsonBinary((byte) 0x05, new byte[16])), // MD5
            new BsonDocument("u", new BsonBinary((byte) 0x04, new byte[15])), // a UUID must be 16 bytes
            new BsonDocument("n", new BsonDocument("deep", new BsonSymbol("sym"))),
        };
        for (BsonDocument d : refused) {
            byte[] bytes = BsonFieldsTest.bytes(d);
            assertThat(libraryDecodes(bytes)).as(d.toJson()).isFalse();
            assertThat(check(bytes)).as(d.toJson()).isFalse();
        }
    }

    @Test
    void aBooleanOtherThanZeroOrOneAndAFieldNamedTwiceAreRefused() {
        byte[] bool = BsonFieldsTest.bytes(new BsonDocument("b", BsonBoolean.TRUE));
        bool[bool.length - 2] = 2; // the boolean's byte, before the terminating NUL
        assertThat(libraryDecodes(bool)).isFalse();
        assertThat(check(bool)).isFalse();

        byte[] twice = BsonFieldsTest.bytes(new BsonDocument("a", new BsonInt32(1)).append("b", new BsonString("x")));
        int secondName = 4 + 1 + 2 + 4 + 1;
        assertThat((char) twice[secondName]).isEqualTo('b');
        twice[secondName] = 'a';
        assertThat(libraryDecodes(twice)).isFalse();
        assertThat(check(twice)).isFalse();

        byte[] nested = BsonFieldsTest.bytes(
                new BsonDocument("o", new BsonDocument("a", new BsonInt32(1)).append("b", new BsonInt32(2))));
        int b = new String(nested, java.nio.charset.StandardCharsets.ISO_8859_1).lastIndexOf('b');
        nested[b] = 'a';
        assertThat(libraryDecodes(nested)).isFalse();
        assertThat(check(nested)).isFalse();
    }

    @Test
    void noCorruptionIsCalledDecodableThatTheLibraryRefuses() {
        byte[] original = BsonFieldsTest.everyType();
        Random random = new Random(20261127);
        int decodableCorruptions = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = original.clone();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            if (check(bytes)) {
                decodableCorruptions++;
                assertThat(libraryDecodes(bytes)).as("corruption %d", i).isTrue();
            }
        }
        assertThat(decodableCorruptions)
                .as("corruptions inside values still decode")
                .isPositive();
    }

    @Test
    void aTruncatedDocumentIsNot() {
        byte[] bytes = BsonFieldsTest.everyType();
        assertThatThrownBy(() -> BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes, 0, bytes.length - 1)))
                .isInstanceOf(RuntimeException.class);
        assertThat(decodable.check(java.util.Arrays.copyOf(bytes, bytes.length - 1)))
                .isFalse();
    }
}
