package io.meterhub.store.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Unique-index keys ({@link KeyValue}, a list of values) in H2 as BSON, ordered without serializing them: strings,
 * numbers of one class and booleans by value, anything else by its BSON bytes. The order is a total order that
 * agrees with {@link KeyValue#equals} (equal values compare as 0, and different ones never do), which is what the
 * B-tree of a unique index needs; it is not MongoDB's sort order, which the index is never asked for.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    static final KeyValueType INSTANCE = new KeyValueType();
    private static final Document MISSING = new Document("meterhub:missing", true);

    private final EncodedForms forms = new EncodedForms();

    private KeyValueType() {}

    @Override
    public int getMemory(KeyValue key) {
        int bytes = 48;
        for (Object value : key) {
            bytes += 8 + BsonDocumentType.estimate(value);
        }
        return bytes;
    }

    /**
     * Keys of strings, integers and booleans are written directly ({@link SimpleKeyBson}); any other is encoded once
     * (see {@link EncodedForms}): a leaf of the index is written whole on every change.
     */
    @Override
    public void write(WriteBuffer out, KeyValue key) {
        if (SimpleKeyBson.fits(key)) {
            SimpleKeyBson.write(out, key);
            return;
        }
        byte[] bytes = forms.get(key);
        if (bytes == null) {
            bytes = BsonDocumentType.encode(asDocument(key));
            forms.put(key, bytes);
        }
        out.put(bytes);
    }

    @Override
    public KeyValue read(ByteBuffer in) {
        byte[] bytes = BsonDocumentType.readBytes(in);
        Document d = BsonDocumentType.decode(bytes);
        List<Object> values = new ArrayList<>(d.size());
        d.values().forEach(v -> values.add(decoded(v)));
        KeyValue key = new KeyValue(values);
        if (!SimpleKeyBson.fits(key)) {
            forms.put(key, bytes);
        }
        return key;
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object x, Object y) {
        if (x == y) {
            return 0;
        }
        if (x == null || y == null) {
            return x == null ? -1 : 1;
        }
        if (x.getClass() != y.getClass()) {
            return x.getClass().getName().compareTo(y.getClass().getName());
        }
        if (x instanceof String || x instanceof Number || x instanceof Boolean) {
            return ((Comparable) x).compareTo(y);
        }
        if (x.equals(y)) {
            return 0;
        }
        return Arrays.compare(bytesOf(x), bytesOf(y)); // the same BSON is the same key
    }

    private static byte[] bytesOf(Object value) {
        return BsonDocumentType.encode(new Document("v", encodable(value)));
    }

    /** A field the document lacks ({@link Missing}) has no BSON form: it is kept as a marker document. */
    private static Object encodable(Object value) {
        return value instanceof Missing ? MISSING : value;
    }

    private static Object decoded(Object value) {
        return MISSING.equals(value) ? Missing.getInstance() : value;
    }

    /** The document a key is stored as: its values under "0", "1"... */
    static Document asDocument(KeyValue key) {
        Document d = new Document();
        int i = 0;
        for (Object value : key) {
            d.put(Integer.toString(i++), encodable(value));
        }
        return d;
    }
}
