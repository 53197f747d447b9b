package io.meterhub.store.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The keys of a unique index's H2 map ({@link CompactUniqueIndex}): a one-string key as its UTF-8 bytes
 * ({@link StringKeys}), any other as a {@link KeyValue} ({@link KeyValueType}). Both forms are stored and ordered as
 * {@link KeyValueType} stores and orders the {@code KeyValue}s, so the file is the same whichever form a key had.
 */
final class IndexKeyType extends BasicDataType<Object> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    /** Array header, its length and reference, and the slot: roughly what a held key costs on the heap. */
    private static final int BYTES_OVERHEAD = 32;

    private IndexKeyType() {}

    @Override
    public int getMemory(Object key) {
        return key instanceof byte[] bytes
                ? BYTES_OVERHEAD + bytes.length
                : KeyValueType.INSTANCE.getMemory((KeyValue) key);
    }

    @Override
    public void write(WriteBuffer out, Object key) {
        if (key instanceof byte[] bytes) {
            StringKeys.write(out, bytes);
        } else {
            KeyValueType.INSTANCE.write(out, (KeyValue) key);
        }
    }

    @Override
    public Object read(ByteBuffer in) {
        byte[] bytes = StringKeys.read(in);
        return bytes != null ? bytes : StringKeys.keyOf(KeyValueType.INSTANCE.read(in));
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return StringKeys.compare(x, y);
        }
        return KeyValueType.INSTANCE.compare(StringKeys.keyValue(a), StringKeys.keyValue(b));
    }
}
