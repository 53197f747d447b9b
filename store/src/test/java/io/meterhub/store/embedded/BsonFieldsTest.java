package io.meterhub.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.Missing;
import java.nio.ByteBuffer;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDbPointer;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScript;
import org.bson.BsonJavaScriptWithScope;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonSymbol;
import org.bson.BsonTimestamp;
import org.bson.BsonUndefined;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class BsonFieldsTest {

    /** A document with one field of every BSON element type the library decodes, written by the driver. */
    static byte[] everyType() {
        BsonDocument d = new BsonDocument()
                .append("double", new BsonDouble(1.5))
                .append("string", new BsonString("ünï ✓"))
                .append("document", new BsonDocument("a", new BsonInt32(1)).append("b", new BsonString("x")))
                .append("array", new BsonArray(java.util.List.of(new BsonInt32(1), new BsonString("y"))))
                .append("binary", new BsonBinary((byte) 0x80, new byte[] {1, 2, 3}))
                .append("undefined", new BsonUndefined())
                .append("objectId", new BsonObjectId(new ObjectId("5f1d7c0e9d3b2a1c4e5f6a7b")))
                .append("boolean", BsonBoolean.TRUE)
                .append("date", new BsonDateTime(1_700_000_000_000L))
                .append("null", new BsonNull())
                .append("regex", new BsonRegularExpression("^a.*b$", "i"))
                .append("code", new BsonJavaScript("function() { return 1; }"))
                .append("int32", new BsonInt32(-7))
                .append("timestamp", new BsonTimestamp(12, 34))
                .append("int64", new BsonInt64(1L << 40))
                .append("decimal", new BsonDecimal128(Decimal128.parse("0.25")))
                .append("minKey", new BsonMinKey())
                .append("maxKey", new BsonMaxKey())
                .append("last", new BsonString("found"));
        return bytes(d);
    }

    /** The element types the library does not decode, then a string. */
    private static byte[] typesTheLibraryRefuses() {
        return bytes(new BsonDocument()
                .append("dbPointer", new BsonDbPointer("db.coll", new ObjectId("5f1d7c0e9d3b2a1c4e5f6a7c")))
                .append("symbol", new BsonSymbol("sym"))
                .append(
                        "codeWithScope",
                        new BsonJavaScriptWithScope(
                                "function() { return x; }", new BsonDocument("x", new BsonInt32(2))))
                .append("last", new BsonString("found")));
    }

    static byte[] bytes(BsonDocument d) {
        ByteBuffer buffer =
                new RawBsonDocument(d, new BsonDocumentCodec()).getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Test
    void eachFieldIsWhatTheLibraryDecodesItAs() {
        byte[] bytes = everyType();
        de.bwaldvogel.mongo.bson.Document whole = BsonDocumentType.decode(bytes);
        assertThat(whole).hasSize(19);
        for (String name : whole.keySet()) {
            assertThat(BsonFields.value(bytes, name))
                    .as(name)
                    .usingRecursiveComparison() // the library's regular expression has no equals
                    .isEqualTo(whole.get(name));
        }
        assertThat(BsonFields.value(bytes, "last")).isEqualTo("found");
    }

    @Test
    void typesTheLibraryDoesNotDecodeAreSteppedOver() {
        assertThat(BsonFields.value(typesTheLibraryRefuses(), "last")).isEqualTo("found");
    }

    @Test
    void anAbsentFieldIsMissingEvenWhenANestedOneHasItsName() {
        byte[] bytes = everyType();
        assertThat(BsonFields.value(bytes, "a")).isSameAs(Missing.getInstance());
        assertThat(BsonFields.value(bytes, "las")).isSameAs(Missing.getInstance());
        assertThat(BsonFields.value(bytes, "lastx")).isSameAs(Missing.getInstance());
    }

    @Test
    void anUnknownElementTypeBeforeTheFieldIsUnreadable() {
        byte[] bytes = everyType();
        bytes[4] = 0x42; // the first element's type byte
        assertThat(BsonFields.value(bytes, "last")).isSameAs(BsonFields.UNREADABLE);
    }
}
