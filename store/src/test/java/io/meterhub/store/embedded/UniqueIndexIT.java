package io.meterhub.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the embedded store's unique indexes (the library's, over {@link KeyValueType} keys and sequential positions)
 * leave behind after a batch with duplicates, read from the file itself: every accepted document in the data map and
 * exactly its keys in each index, pointing at its position; refused documents leave nothing, also when only the
 * second of two unique indexes refuses them. The store's de-duplication of redeliveries rests on this.
 */
class UniqueIndexIT extends OnReopenableStore {

    private static final String ENTRY_INDEX_MAP = "meterhub.samples._index_entry";

    @BeforeEach
    void openWithAnEntryIndex() {
        reopenable.open();
        reopenable
                .samples()
                .createIndex(
                        Indexes.ascending("entry"),
                        new IndexOptions().unique(true).name("entry"));
    }

    @Test
    void aBatchWithDuplicatesOnEitherIndexStoresTheOthersAndIndexesExactlyThem() {
        reopenable.samples().insertMany(List.of(doc("a", 1), doc("b", 2)));

        List<Document> batch = List.of(
                doc("c", 3),
                doc("a", 4), // _id taken
                doc("d", 2), // entry taken: refused by the second index, after the first found it free
                doc("e", 5),
                doc("e", 6)); // _id taken within the batch
        assertThatThrownBy(() -> reopenable.samples().insertMany(batch, new InsertManyOptions().ordered(false)))
                .isInstanceOfSatisfying(MongoBulkWriteException.class, e -> {
                    assertThat(e.getWriteErrors())
                            .extracting(BulkWriteError::getIndex)
                            .containsExactly(1, 2, 4);
                    assertThat(e.getWriteErrors())
                            .allMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY);
                });
        ReopenableStore.assertDuplicate(() -> reopenable.samples().insertOne(doc("f", 3)));

        assertThat(reopenable
                        .samples()
                        .find(Filters.eq("entry", "entry-5"))
                        .first()
                        .getString("_id"))
                .isEqualTo("e");
        assertThat(reopenable
                        .samples()
                        .find(Filters.eq("entry", "entry-2"))
                        .first()
                        .getString("_id"))
                .isEqualTo("b");
        reopenable.close();

        try (Raw raw = new Raw(dir)) {
            Map<Object, Object> idAt = new HashMap<>();
            Map<Object, Object> entryAt = new HashMap<>();
            raw.data().forEach((position, held) -> {
                de.bwaldvogel.mongo.bson.Document d = StoredDocuments.open(held);
                idAt.put(d.get("_id"), position);
                entryAt.put(d.get("entry"), position);
            });
            assertThat(idAt).containsOnlyKeys("a", "b", "c", "e");
            assertThat(raw.index(ReopenableStore.ID_INDEX_MAP)).isEqualTo(keyed(idAt));
            assertThat(raw.index(ENTRY_INDEX_MAP)).isEqualTo(keyed(entryAt));
        }
    }

    @Test
    void aSparseUniqueIndexSkipsDocumentsWithoutTheFieldAndRefusesTakenValues() {
        reopenable
                .samples()
                .createIndex(
                        Indexes.ascending("tag"),
                        new IndexOptions().unique(true).sparse(true).name("tag"));
        reopenable.samples().insertOne(doc("a", 1));
        reopenable.samples().insertOne(doc("b", 2));
        reopenable.samples().insertOne(doc("c", 3).append("tag", "x"));

        ReopenableStore.assertDuplicate(
                () -> reopenable.samples().insertOne(doc("d", 4).append("tag", "x")));

        assertThat(reopenable.samples().countDocuments()).isEqualTo(3);
        assertThat(reopenable.samples().find(Filters.eq("tag", "x")).first().getString("_id"))
                .isEqualTo("c");
    }

    /**
     * Values the store keys itself ({@code UniqueFields}) and values it leaves to the library (an array: a key per
     * element) are keyed alike: numbers by their normalized (double) value, a missing field as null.
     */
    @Test
    void numbersMissingFieldsAndArraysAreKeyedAsTheLibraryKeysThem() {
        reopenable.samples().insertOne(new Document("_id", "n1").append("entry", 1));
        ReopenableStore.assertDuplicate(
                () -> reopenable.samples().insertOne(new Document("_id", "n2").append("entry", 1.0)));
        ReopenableStore.assertDuplicate(
                () -> reopenable.samples().insertOne(new Document("_id", "n3").append("entry", 1L)));

        reopenable.samples().insertOne(new Document("_id", "m1"));
        ReopenableStore.assertDuplicate(() -> reopenable.samples().insertOne(new Document("_id", "m2")));

        reopenable.samples().insertOne(new Document("_id", "a1").append("entry", List.of("x", "y")));
        ReopenableStore.assertDuplicate(
                () -> reopenable.samples().insertOne(new Document("_id", "a2").append("entry", "y")));
        reopenable.samples().insertOne(new Document("_id", "a3").append("entry", "z"));

        assertThat(reopenable.samples().find().map(d -> d.getString("_id")))
                .containsExactlyInAnyOrder("n1", "m1", "a1", "a3");
        assertThat(reopenable.samples().find(Filters.eq("entry", "z")).first().getString("_id"))
                .isEqualTo("a3");
        reopenable.close();

        try (Raw raw = new Raw(dir)) {
            assertThat(raw.index(ENTRY_INDEX_MAP).keySet())
                    .containsExactlyInAnyOrder(
                            new KeyValue(1.0),
                            new KeyValue(java.util.Collections.singletonList(null)),
                            new KeyValue("x"),
                            new KeyValue("y"),
                            new KeyValue("z"));
        }
    }

    /** Entries are strings: the library keeps numbers in an index normalized (as doubles). */
    private static Document doc(String id, int entry) {
        return new Document("_id", id).append("entry", "entry-" + entry);
    }

    /** The index's expected content: each value (as the one-value key the library makes) at its position. */
    private static Map<KeyValue, Object> keyed(Map<Object, Object> positions) {
        Map<KeyValue, Object> out = new HashMap<>();
        positions.forEach((value, position) -> out.put(new KeyValue(value), position));
        return out;
    }

    /** The store's file opened read-only, below the library. */
    private static final class Raw implements AutoCloseable {

        private final MVStore store;

        Raw(Path dir) {
            store = ReopenableStore.openFile(dir, true);
        }

        MVMap<Object, de.bwaldvogel.mongo.bson.Document> data() {
            return ReopenableStore.dataMap(store);
        }

        Map<KeyValue, Object> index(String name) {
            return new HashMap<>(ReopenableStore.indexMap(store, name));
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
