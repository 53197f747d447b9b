package io.meterhub.store.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.charset.StandardCharsets;
import org.h2.mvstore.WriteBuffer;

/**
 * Writes a unique-index key made only of strings, 64- and 32-bit integers and booleans — every key meterhub's
 * indexes hold: {@code _id}s, entry ids, sequence numbers — straight into H2's buffer as the BSON document
 * {@code {"0": v0, "1": v1, ...}}, byte for byte what {@link KeyValueType} makes of it through mongo-java-server's
 * encoder. That is cheaper than looking the key's bytes up in {@link EncodedForms}: a lookup in a map of every key H2
 * holds, a cache miss each, was a fifth of the store writer's time; and such keys need no entry there at all.
 */
final class SimpleKeyBson {

    private static final byte STRING = 0x02;
    private static final byte BOOLEAN = 0x08;
    private static final byte INT32 = 0x10;
    private static final byte INT64 = 0x12;

    private SimpleKeyBson() {}

    /** Whether every value of the key is of a type this class writes. */
    static boolean fits(KeyValue key) {
        for (Object v : key) {
            if (!(v instanceof String || v instanceof Long || v instanceof Integer || v instanceof Boolean)) {
                return false;
            }
        }
        return true;
    }

    /** Writes the key, which must {@link #fits fit}, as one BSON document. */
    static void write(WriteBuffer out, KeyValue key) {
        if (key.size() == 1 && key.get(0) instanceof String s) {
            writeString(out, s);
            return;
        }
        int n = key.size();
        byte[][] names = new byte[n][];
        byte[][] strings = new byte[n][];
        int length = 4 + 1; // int32 length, terminating 0
        for (int i = 0; i < n; i++) {
            Object v = key.get(i);
            names[i] = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
            length += 1 + names[i].length + 1; // type, field name "i" as a C string
            if (v instanceof String s) {
                strings[i] = s.getBytes(StandardCharsets.UTF_8);
                length += 4 + strings[i].length + 1;
            } else if (v instanceof Long) {
                length += 8;
            } else if (v instanceof Integer) {
                length += 4;
            } else {
                length += 1;
            }
        }
        out.putInt(Integer.reverseBytes(length)); // BSON is little-endian, WriteBuffer big-endian
        for (int i = 0; i < n; i++) {
            Object v = key.get(i);
            out.put(v instanceof String ? STRING : v instanceof Long ? INT64 : v instanceof Integer ? INT32 : BOOLEAN);
            out.put(names[i]);
            out.put((byte) 0);
            if (v instanceof String) {
                out.putInt(Integer.reverseBytes(strings[i].length + 1));
                out.put(strings[i]);
                out.put((byte) 0);
            } else if (v instanceof Long l) {
                out.putLong(Long.reverseBytes(l));
            } else if (v instanceof Integer x) {
                out.putInt(Integer.reverseBytes(x));
            } else {
                out.put((byte) (((Boolean) v) ? 1 : 0));
            }
        }
        out.put((byte) 0);
    }

    /**
     * {@code {"0": s}}, the key of every {@code _id} and entry-id index, without the arrays of the general case: a
     * commit writes every key of each index leaf an insert touched, about 150 keys per notification.
     */
    private static void writeString(WriteBuffer out, String s) {
        StringKeys.write(out, s.getBytes(StandardCharsets.UTF_8));
    }
}
