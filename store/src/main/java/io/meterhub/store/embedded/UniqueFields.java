package io.meterhub.store.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;

/**
 * A collection's unique indexes, when each is on one top-level field and none is sparse (every unique index meterhub
 * makes: {@code _id}, feed entry ids), with their H2 maps: what {@link BsonH2Collection} needs to index a document
 * that arrived as bytes ({@link StoredDocuments#arrived}) itself. That takes one look-up per index where the
 * library's {@code addDocument} takes three (it checks every unique index, then checks each again and puts), and
 * decodes only the indexed fields ({@link BsonFields}), not the document.
 *
 * <p>The keys are the library's: each value as {@link KeyValue#normalized} makes it (numbers as doubles), a missing
 * field as null, held as {@link CompactUniqueIndex} holds them (a string as its bytes, {@link StringKeys}); a refused document gets the library's {@link DuplicateKeyError}, naming the first index, in the
 * library's order, that holds its value, and leaves no key behind. A value the library would key otherwise (an array,
 * one key per element; a document, normalized field by field) is left to the library's path.
 */
final class UniqueFields {

    private final List<Index<Object>> indexes;
    private final boolean supported;
    private final List<Index<Object>> unique = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();
    private final List<MVMap<Object, Object>> maps = new ArrayList<>();

    /** @param indexes the collection's indexes (the library's list; a snapshot is kept to tell when it changed) */
    UniqueFields(List<Index<Object>> indexes) {
        this.indexes = List.copyOf(indexes);
        boolean all = true;
        for (Index<Object> index : this.indexes) {
            if (index instanceof EmptyIndex<?>) {
                continue; // a secondary index, which the library does not keep
            }
            List<IndexKey> keys = index.getKeys();
            String field = keys.size() == 1 ? keys.get(0).getKey() : null;
            if (!(index instanceof CompactUniqueIndex compact)
                    || field == null
                    || field.indexOf('.') >= 0
                    || isSparse(index)) {
                all = false;
                break;
            }
            unique.add(index);
            fields.add(field);
            maps.add(compact.map());
        }
        this.supported = all;
    }

    private static boolean isSparse(Index<Object> index) {
        return Boolean.TRUE.equals(index.toIndexDescription().get("sparse"));
    }

    /** Whether these are the indexes in {@code current}, the same instances in the same order. */
    boolean madeFor(List<Index<Object>> current) {
        if (current.size() != indexes.size()) {
            return false;
        }
        for (int i = 0; i < current.size(); i++) {
            if (current.get(i) != indexes.get(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Keys an arrived document at {@code position} in every unique index, or returns false, keying nothing, when the
     * indexes or one of its indexed values are of a kind the library must key.
     *
     * @throws DuplicateKeyError when an index holds one of its values already
     */
    boolean add(Document arrived, byte[] bson, Long position, MongoCollection<Object> collection) {
        if (!supported) {
            return false;
        }
        int n = unique.size();
        Object[] values = new Object[n];
        Object[] keys = new Object[n];
        for (int i = 0; i < n; i++) {
            String field = fields.get(i);
            Object value = arrived.containsKey(field) ? arrived.get(field) : BsonFields.value(bson, field);
            if (value == BsonFields.UNREADABLE || value instanceof Collection<?> || value instanceof Map<?, ?>) {
                return false;
            }
            values[i] = value;
            keys[i] = StringKeys.keyOf(value);
        }
        for (int i = 0; i < n; i++) {
            if (maps.get(i).putIfAbsent(keys[i], position) != null) {
                for (int j = 0; j < i; j++) {
                    maps.get(j).remove(keys[j]);
                }
                Index<Object> index = unique.get(i);
                throw new DuplicateKeyError(
                        index, collection, index.getKeys(), new KeyValue(Collections.singletonList(values[i])));
            }
        }
        return true;
    }
}
