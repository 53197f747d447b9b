package io.meterhub.store.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import org.h2.mvstore.WriteBuffer;

/**
 * A unique-index key of one string — every {@code _id} and entry-id key meterhub makes — held in H2 as the string's
 * UTF-8 bytes (a {@code byte[]}) instead of a {@link KeyValue}: a page's key is then one array, where a
 * {@code KeyValue} is a chain of five objects (key, list, array, string, bytes) scattered over the heap, which every
 * look-up's binary search and every commit's write of a leaf went through, a cache miss at each link. Such a key is
 * stored in the file exactly as {@link KeyValueType} stores the {@code KeyValue} of that string (the BSON document
 * {@code {"0": s}}), and ordered exactly as it orders them: a string without surrogate characters (only those are
 * held so) orders by its UTF-8 bytes, unsigned, as {@link String#compareTo} orders it.
 */
final class StringKeys {

    private static final byte STRING = 0x02;
    /** int32 length, type, field name "0" and its NUL, int32 string length; then the bytes, their NUL, the end. */
    private static final int FRAME = 4 + 1 + 2 + 4 + 1 + 1;

    private StringKeys() {}

    /**
     * The form a key of {@code value} takes in an index map: the bytes of a string without surrogates, else the
     * {@link KeyValue} of the value {@linkplain KeyValue#normalized normalized} as the library keys it.
     */
    static Object keyOf(Object value) {
        byte[] bytes = bytesOf(value);
        return bytes != null ? bytes : new KeyValue(Collections.singletonList(value)).normalized();
    }

    /** The form a key takes in an index map: a one-string key as its bytes when it can be, else itself. */
    static Object keyOf(KeyValue key) {
        byte[] bytes = key.size() == 1 ? bytesOf(key.get(0)) : null;
        return bytes != null ? bytes : key;
    }

    private static byte[] bytesOf(Object value) {
        return value instanceof String s ? Utf8.withoutSurrogates(s) : null; // a surrogate keeps its KeyValue
    }

    /** The library's form of a key held in either form. */
    static KeyValue keyValue(Object key) {
        return key instanceof byte[] bytes
                ? new KeyValue(Collections.singletonList(new String(bytes, StandardCharsets.UTF_8)))
                : (KeyValue) key;
    }

    static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    /** Writes {@code {"0": s}} as BSON, the same bytes as the string's {@code KeyValue} ({@link SimpleKeyBson}). */
    static void write(WriteBuffer out, byte[] utf8) {
        out.putInt(Integer.reverseBytes(FRAME + utf8.length)); // BSON is little-endian, WriteBuffer big-endian
        out.put(STRING);
        out.put((byte) '0');
        out.put((byte) 0);
        out.putInt(Integer.reverseBytes(utf8.length + 1));
        out.put(utf8);
        out.put((byte) 0);
        out.put((byte) 0);
    }

    /**
     * Reads the key at the buffer's position when it is a one-string key that is held as bytes, advancing past it;
     * else returns null and leaves the buffer as it was.
     */
    static byte[] read(ByteBuffer in) {
        int at = in.position();
        in.order(ByteOrder.LITTLE_ENDIAN);
        try {
            int length = in.getInt(at);
            if (length < FRAME
                    || in.get(at + 4) != STRING
                    || in.get(at + 5) != '0'
                    || in.get(at + 6) != 0
                    || in.getInt(at + 7) != length - FRAME + 1
                    || in.get(at + length - 2) != 0
                    || in.get(at + length - 1) != 0) {
                return null;
            }
            byte[] utf8 = new byte[length - FRAME];
            in.get(at + 11, utf8);
            for (byte b : utf8) {
                if ((b & 0xF8) == 0xF0) {
                    return null; // a character beyond the BMP: surrogates in Java, kept as a KeyValue
                }
            }
            in.position(at + length);
            return utf8;
        } finally {
            in.order(ByteOrder.BIG_ENDIAN);
        }
    }
}
