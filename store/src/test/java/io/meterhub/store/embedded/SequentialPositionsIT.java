package io.meterhub.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * Documents are kept in H2 under sequential positions, not under their {@code _id}: read back from the file itself,
 * the data map's keys are 0, 1, 2... in insertion order, continuing after a reopen, while the driver finds, updates
 * and deletes by {@code _id} and duplicates are still refused. A collection an earlier meterhub filled under
 * {@code _id} keys keeps that layout.
 */
class SequentialPositionsIT extends OnReopenableStore {

    private static final String META_MAP = "meta.meterhub.samples";

    @Test
    void documentsAreKeptInInsertionOrderAndFoundByTheirId() {
        reopenable.open();
        List<String> ids = randomIds(300);
        reopenable
                .samples()
                .insertMany(ids.stream()
                        .map(id -> new Document("_id", id).append("n", 1))
                        .toList());
        reopenable.samples().deleteOne(Filters.eq("_id", ids.get(10)));
        reopenable.samples().updateOne(Filters.eq("_id", ids.get(20)), Updates.set("n", 2));

        reopenable.close();
        List<Object> keys = dataKeys();
        List<Object> expected = new ArrayList<>(LongStream.range(0, 300).boxed().toList());
        expected.remove(Long.valueOf(10));
        assertThat(keys).isEqualTo(expected);

        reopenable.open();
        List<String> more = randomIds(5);
        reopenable
                .samples()
                .insertMany(more.stream().map(id -> new Document("_id", id)).toList());
        assertThat(reopenable
                        .samples()
                        .find(Filters.eq("_id", ids.get(20)))
                        .first()
                        .getInteger("n"))
                .isEqualTo(2);
        assertThat(reopenable.samples().find(Filters.eq("_id", ids.get(10))).first())
                .isNull();
        assertThat(reopenable.samples().find(Filters.eq("_id", more.get(4))).first())
                .isNotNull();
        assertThat(reopenable.samples().countDocuments()).isEqualTo(304);
        ReopenableStore.assertDuplicate(() -> reopenable.samples().insertOne(new Document("_id", ids.get(299))));
        ReopenableStore.assertDuplicate(() -> reopenable.samples().insertOne(new Document("_id", more.get(0))));

        reopenable.close();
        assertThat(dataKeys()).endsWith(300L, 301L, 302L, 303L, 304L);
    }

    @Test
    void aCollectionFilledUnderIdKeysByAnEarlierMeterhubKeepsThatLayout() {
        reopenable.open();
        List<String> ids = randomIds(50);
        reopenable
                .samples()
                .insertMany(ids.stream()
                        .map(id -> new Document("_id", id).append("old", true))
                        .toList());
        reopenable.close();
        rewriteUnderIdKeys();

        reopenable.open();
        String fresh = "fresh-" + UUID.randomUUID();
        reopenable.samples().insertOne(new Document("_id", fresh));
        assertThat(reopenable
                        .samples()
                        .find(Filters.eq("_id", ids.get(7)))
                        .first()
                        .getBoolean("old"))
                .isTrue();
        reopenable.samples().updateOne(Filters.eq("_id", ids.get(8)), Updates.set("old", false));
        ReopenableStore.assertDuplicate(() -> reopenable.samples().insertOne(new Document("_id", ids.get(9))));

        reopenable.close();
        List<Object> keys = dataKeys();
        assertThat(keys).hasSize(51).allMatch(k -> k instanceof String).contains(fresh);
        reopenable.open();
        assertThat(reopenable
                        .samples()
                        .find(Filters.eq("_id", ids.get(8)))
                        .first()
                        .getBoolean("old"))
                .isFalse();
        assertThat(reopenable.samples().find(Filters.eq("_id", fresh)).first()).isNotNull();
    }

    /** Makes the file what an earlier meterhub wrote: documents under their _id, the _id index pointing there. */
    private void rewriteUnderIdKeys() {
        MVStore raw = ReopenableStore.openFile(dir, false);
        try {
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> data = ReopenableStore.dataMap(raw);
            Map<Object, Object> idAt = new HashMap<>();
            Map<Object, de.bwaldvogel.mongo.bson.Document> byId = new HashMap<>();
            data.forEach((position, held) -> {
                Object id = StoredDocuments.open(held).get("_id");
                idAt.put(position, id);
                byId.put(id, held);
            });
            data.clear();
            byId.forEach(data::put);
            MVMap<KeyValue, Object> index = ReopenableStore.indexMap(raw, ReopenableStore.ID_INDEX_MAP);
            new ArrayList<>(index.keySet()).forEach(k -> index.put(k, idAt.get(index.get(k))));
            MVMap<String, Object> meta = raw.openMap(META_MAP);
            assertThat(meta.remove(BsonH2Collection.POSITIONS_KEY)).isEqualTo(BsonH2Collection.SEQUENTIAL);
            raw.commit();
        } finally {
            raw.close();
        }
    }

    private List<Object> dataKeys() {
        MVStore raw = ReopenableStore.openFile(dir, true);
        try {
            return new ArrayList<>(ReopenableStore.dataMap(raw).keySet());
        } finally {
            raw.close();
        }
    }

    private static List<String> randomIds(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }
}
