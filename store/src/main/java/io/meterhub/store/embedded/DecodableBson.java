package io.meterhub.store.embedded;

import java.util.Arrays;

/**
 * Whether mongo-java-server's BSON decoder would decode a document, found by walking its bytes without decoding
 * them. {@link InsertBytesDecoder} stores an inserted document's bytes without the library having decoded them; a
 * document the library cannot read back (a symbol, a DBPointer, code with scope, a binary subtype it does not know, a
 * boolean other than 0 or 1, a field name twice in one document...) must instead be refused at the insert as the
 * library refuses it, so such a document goes to the library's decoder. The walk is stricter than the library where
 * that is simpler (a document must end exactly at its declared length; a hash collision between two field names of
 * one document counts as a duplicate): stricter only sends a document the library's way, which is always correct.
 */
final class DecodableBson {

    private static final int MAX_DEPTH = 100;
    private static final int MAX_SIZE = 16 * 1024 * 1024; // the library's MAX_BSON_OBJECT_SIZE
    private static final int UUID_LENGTH = 16;

    /** Field-name hashes of the documents being walked, one range per nesting level. */
    private long[] names = new long[64];

    /** Whether the document {@code bson} (exactly one document's bytes) decodes. */
    boolean check(byte[] bson) {
        return document(bson, 0, bson.length, 0, 0) == bson.length;
    }

    /** Walks the document at {@code at}; returns where it ends, or -1. Its names go to {@link #names} from {@code free}. */
    private int document(byte[] buf, int at, int limit, int depth, int free) {
        if (depth > MAX_DEPTH || limit < 5) {
            return -1;
        }
        int length = intLE(buf, at);
        if (length < 5 || length > limit || length - 4 > MAX_SIZE) {
            return -1;
        }
        int end = at + length - 1; // the terminating NUL
        if (buf[end] != 0) {
            return -1;
        }
        int count = 0;
        int p = at + 4;
        while (p < end) {
            byte type = buf[p++];
            int nameLength = nul(buf, p, end - p);
            if (nameLength < 0) {
                return -1;
            }
            if (free + count == names.length) {
                names = Arrays.copyOf(names, names.length * 2);
            }
            names[free + count++] = hash(buf, p, nameLength);
            p += nameLength + 1;
            p = value(buf, p, end, type, depth, free + count);
            if (p < 0) {
                return -1;
            }
        }
        if (p != end || !distinct(free, count)) {
            return -1;
        }
        return end + 1;
    }

    /** Walks one value of {@code type} at {@code p}; returns where it ends, or -1. */
    private int value(byte[] buf, int p, int end, byte type, int depth, int free) {
        int room = end - p;
        switch (type) {
            case 0x01, 0x09, 0x11, 0x12: // double, UTC datetime, timestamp, int64
                return room >= 8 ? p + 8 : -1;
            case 0x02, 0x0D: // string, JavaScript code
                return string(buf, p, room);
            case 0x03, 0x04: // document, array (a document keyed "0", "1"...)
                return document(buf, p, room, depth + 1, free);
            case 0x05: // binary: the subtypes the library reads
                return binary(buf, p, room);
            case 0x06, 0x0A, 0x7F, (byte) 0xFF: // undefined, null, max key, min key
                return p;
            case 0x07: // ObjectId
                return room >= 12 ? p + 12 : -1;
            case 0x08: // boolean
                return room >= 1 && (buf[p] == 0 || buf[p] == 1) ? p + 1 : -1;
            case 0x0B: // regular expression: two C strings
                int pattern = nul(buf, p, room);
                if (pattern < 0) {
                    return -1;
                }
                int options = nul(buf, p + pattern + 1, room - pattern - 1);
                return options < 0 ? -1 : p + pattern + 1 + options + 1;
            case 0x10: // int32
                return room >= 4 ? p + 4 : -1;
            case 0x13: // decimal128
                return room >= 16 ? p + 16 : -1;
            default: // DBPointer, symbol, code with scope, and unknown types: the library refuses them
                return -1;
        }
    }

    private static int string(byte[] buf, int p, int room) {
        if (room < 5) {
            return -1;
        }
        int length = intLE(buf, p);
        if (length < 1 || length > room - 4 || buf[p + 4 + length - 1] != 0) {
            return -1;
        }
        return p + 4 + length;
    }

    private static int binary(byte[] buf, int p, int room) {
        if (room < 5) {
            return -1;
        }
        int length = intLE(buf, p);
        if (length < 0 || length > room - 5) {
            return -1;
        }
        byte subtype = buf[p + 4];
        boolean readable = subtype == 0x00
                || subtype == (byte) 0x80
                || ((subtype == 0x03 || subtype == 0x04) && length == UUID_LENGTH);
        return readable ? p + 5 + length : -1;
    }

    private boolean distinct(int from, int count) {
        if (count < 2) {
            return true;
        }
        Arrays.sort(names, from, from + count);
        for (int i = from + 1; i < from + count; i++) {
            if (names[i] == names[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** FNV-1a, 64 bits, over the name's bytes. */
    private static long hash(byte[] buf, int at, int length) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < length; i++) {
            h ^= buf[at + i] & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static int intLE(byte[] buf, int at) {
        return (buf[at] & 0xff) | (buf[at + 1] & 0xff) << 8 | (buf[at + 2] & 0xff) << 16 | buf[at + 3] << 24;
    }

    /** How many bytes from {@code at} (looking at {@code room} of them) come before a NUL; -1 if none does. */
    private static int nul(byte[] buf, int at, int room) {
        for (int i = 0; i < room; i++) {
            if (buf[at + i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
