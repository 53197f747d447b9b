package io.meterhub.store.embedded;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds one top-level field of a BSON document in its bytes, decoding that field's value only and stepping over the
 * others by their lengths (bsonspec.org, every element type of the 1.1 specification).
 */
final class BsonFields {

    /** What {@link #value} returns for bytes it cannot step over. */
    static final Object UNREADABLE = new Object();

    private static final int UNKNOWN = -1;

    private BsonFields() {}

    /**
     * The value of the top-level field {@code name}, decoded as the library decodes it; {@link Missing} when the
     * document has no such field; {@link #UNREADABLE} when the bytes hold an element type this does not know (the
     * caller then decodes the document whole and lets the library judge it).
     */
    static Object value(byte[] bson, String name) {
        ByteBuf doc = Unpooled.wrappedBuffer(bson);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        int end = bson.length - 1; // the document's terminating NUL
        int at = 4;
        while (at < end) {
            byte type = bson[at];
            int nameAt = at + 1;
            int nameLength = doc.bytesBefore(nameAt, end - nameAt, (byte) 0);
            if (nameLength < 0) {
                return UNREADABLE;
            }
            int valueAt = nameAt + nameLength + 1;
            if (nameLength == wanted.length && Arrays.equals(bson, nameAt, valueAt - 1, wanted, 0, wanted.length)) {
                return BsonDecoder.decodeValue(type, doc.slice(valueAt, end - valueAt));
            }
            int length = valueLength(doc, valueAt, type, end);
            if (length < 0) {
                return UNREADABLE;
            }
            at = valueAt + length;
        }
        return Missing.getInstance();
    }

    private static int valueLength(ByteBuf doc, int at, byte type, int end) {
        return switch (type) {
            case 0x01, 0x09, 0x11, 0x12 -> 8; // double, UTC datetime, timestamp, int64
            case 0x02, 0x0D, 0x0E -> 4 + doc.getIntLE(at); // string, JavaScript code, symbol
            case 0x03, 0x04, 0x0F -> doc.getIntLE(at); // document, array, code with scope: length included
            case 0x05 -> 4 + 1 + doc.getIntLE(at); // binary: length, subtype, bytes
            case 0x06, 0x0A, 0x7F, (byte) 0xFF -> 0; // undefined, null, max key, min key
            case 0x07 -> 12; // ObjectId
            case 0x08 -> 1; // boolean
            case 0x0B -> regexLength(doc, at, end); // two C strings
            case 0x0C -> 4 + doc.getIntLE(at) + 12; // DBPointer: string, ObjectId
            case 0x10 -> 4; // int32
            case 0x13 -> 16; // decimal128
            default -> UNKNOWN;
        };
    }

    private static int regexLength(ByteBuf doc, int at, int end) {
        int pattern = doc.bytesBefore(at, end - at, (byte) 0);
        if (pattern < 0) {
            return UNKNOWN;
        }
        int optionsAt = at + pattern + 1;
        int options = doc.bytesBefore(optionsAt, end - optionsAt, (byte) 0);
        return options < 0 ? UNKNOWN : pattern + 1 + options + 1;
    }
}
