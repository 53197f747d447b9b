package io.meterhub.store.embedded;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;

/**
 * The library's H2 unique index ({@code H2UniqueIndex}, method for method) over a map whose keys are held compact
 * ({@link IndexKeyType}: a one-string key as its UTF-8 bytes): the library hands it {@link KeyValue}s and gets
 * {@code KeyValue}s back, whatever form the map holds.
 */
final class CompactUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<Object, Object> map;

    CompactUniqueIndex(MVMap<Object, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    /** The index's map, keyed as {@link StringKeys#keyOf(Object)} keys a value. */
    MVMap<Object, Object> map() {
        return map;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(StringKeys.keyOf(key));
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(StringKeys.keyOf(key), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> map.entrySet().stream()
                .<Map.Entry<KeyValue, Object>>map(
                        e -> new AbstractMap.SimpleImmutableEntry<>(StringKeys.keyValue(e.getKey()), e.getValue()))
                .iterator();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(StringKeys.keyOf(key));
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
