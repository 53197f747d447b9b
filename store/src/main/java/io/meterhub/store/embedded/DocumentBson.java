package io.meterhub.store.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Encodes a stored document to BSON straight into a byte array, for the value types meterhub's documents hold
 * (strings, 32- and 64-bit integers, doubles, booleans, datetimes, null, documents and lists); {@link #encode}
 * returns null for a document holding anything else, which the library's encoder then takes. The bytes are the
 * library's own ({@code BsonEncoder.encodeDocument}: the same type for each value, fields in the map's order, a list
 * as a document keyed "0", "1"...), without its per-value type search, per-field look-up, per-string byte array
 * and per-list document. The store writer's commit encodes every new document once, on the hub's serial path.
 */
final class DocumentBson {

    private static final int KEPT_BUFFER = 1 << 20;
    private static final ThreadLocal<DocumentBson> PER_THREAD = ThreadLocal.withInitial(DocumentBson::new);

    private byte[] buf = new byte[16 * 1024];
    private int pos;

    private DocumentBson() {}

    /** The document's BSON, or null when it holds a value of a type this encoder leaves to the library. */
    static byte[] encode(Document document) {
        DocumentBson encoder = PER_THREAD.get();
        encoder.pos = 0;
        boolean done = encoder.document(document);
        byte[] out = done ? Arrays.copyOf(encoder.buf, encoder.pos) : null;
        if (encoder.buf.length > KEPT_BUFFER) {
            PER_THREAD.remove(); // one huge document should not keep its buffer for good
        }
        return out;
    }

    private boolean document(Map<?, ?> map) {
        int start = reserve(4);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String name) || !element(name, e.getValue())) {
                return false;
            }
        }
        end(start);
        return true;
    }

    private boolean list(List<?> list) {
        int start = reserve(4);
        for (int i = 0; i < list.size(); i++) {
            if (!element(Integer.toString(i), list.get(i))) {
                return false;
            }
        }
        end(start);
        return true;
    }

    /** Ends the document begun at {@code start}: its final 0, and its length written in its first four bytes. */
    private void end(int start) {
        put((byte) 0);
        intAt(start, pos - start);
    }

    private boolean element(String name, Object value) {
        if (value == null) {
            header(0x0A, name);
        } else if (value instanceof String s) {
            header(0x02, name);
            int lengthAt = reserve(4);
            int begin = pos;
            utf8(s);
            put((byte) 0);
            intAt(lengthAt, pos - begin);
        } else if (value instanceof Integer i) {
            header(0x10, name);
            intAt(reserve(4), i);
        } else if (value instanceof Long l) {
            header(0x12, name);
            longAt(reserve(8), l);
        } else if (value instanceof Double d) {
            header(0x01, name);
            longAt(reserve(8), Double.doubleToRawLongBits(d));
        } else if (value instanceof Boolean b) {
            header(0x08, name);
            put((byte) (b ? 1 : 0));
        } else if (value instanceof Instant t) {
            header(0x09, name);
            longAt(reserve(8), t.toEpochMilli());
        } else if (value instanceof Map<?, ?> m) {
            header(0x03, name);
            return document(m);
        } else if (value instanceof List<?> l) {
            header(0x04, name);
            return list(l);
        } else {
            return false;
        }
        return true;
    }

    private void header(int type, String name) {
        put((byte) type);
        utf8(name);
        put((byte) 0);
    }

    /** UTF-8 as {@link String#getBytes} makes it (ASCII copied directly, anything else through the JDK). */
    private void utf8(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                pos -= i;
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                ensure(bytes.length);
                System.arraycopy(bytes, 0, buf, pos, bytes.length);
                pos += bytes.length;
                return;
            }
            buf[pos++] = (byte) c;
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[pos++] = b;
    }

    /** Leaves {@code n} bytes to fill in later; returns where they start. */
    private int reserve(int n) {
        ensure(n);
        int at = pos;
        pos += n;
        return at;
    }

    private void intAt(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
        buf[at + 2] = (byte) (v >>> 16);
        buf[at + 3] = (byte) (v >>> 24);
    }

    private void longAt(int at, long v) {
        intAt(at, (int) v);
        intAt(at + 4, (int) (v >>> 32));
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }
}
