package io.meterhub.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.meterhub.store.EmbeddedStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * The embedded store with documents and index keys kept as BSON, through the real driver: every BSON type comes
 * back as written, also after the store is closed and opened again; unique indexes (on _id and on other fields)
 * still refuse duplicates after a reopen; a file in the earlier Java-serialized format is refused by name.
 */
class BsonH2BackendIT extends OnReopenableStore {

    @Test
    void everyBsonTypeComesBackAsWrittenAlsoAfterReopening() {
        Document written = new Document("_id", "doc-1")
                .append("text", "héllo \uD83D\uDE00")
                .append("int32", 42)
                .append("int64", 9_007_199_254_740_993L)
                .append("double", 2.5)
                .append("bool", true)
                .append("null", null)
                .append("date", new Date(1_421_884_800_123L))
                .append("objectId", new ObjectId("5f1b2c3d4e5f6a7b8c9d0e1f"))
                .append("binary", new Binary(new byte[] {0, 1, 2, (byte) 255}))
                .append("decimal", Decimal128.parse("1.10"))
                .append("nested", new Document("a", new Document("b", List.of(1, "two", new Document("c", 3.0)))))
                .append("array", Arrays.asList(1L, null, "x"));
        reopenable.open();
        reopenable.samples().insertOne(written);
        assertThat(reopenable.samples().find(Filters.eq("_id", "doc-1")).first())
                .isEqualTo(written);

        reopenable.close();
        reopenable.open();

        assertThat(reopenable.samples().find(Filters.eq("_id", "doc-1")).first())
                .isEqualTo(written);
        assertThat(reopenable.samples().find(Filters.eq("nested.a.b", "two")).first())
                .isEqualTo(written);
    }

    /** mongo-java-server changes a stored document in place on update: the commit must write its new content. */
    @Test
    void documentsUpdatedAgainAndAgainAreWrittenWithTheirLatestContent() {
        reopenable.open();
        reopenable
                .samples()
                .insertOne(new Document("_id", "counter").append("n", 0L).append("history", List.of()));
        for (int i = 1; i <= 5; i++) {
            reopenable
                    .samples()
                    .updateOne(
                            Filters.eq("_id", "counter"),
                            new Document("$inc", new Document("n", 1L)).append("$push", new Document("history", i)));
            reopenable.close(); // each close commits; the next open reads the page back, and the next update changes it
            reopenable.open();
        }
        Document stored =
                reopenable.samples().find(Filters.eq("_id", "counter")).first();
        assertThat(stored.getLong("n")).isEqualTo(5L);
        assertThat(stored.getList("history", Integer.class)).containsExactly(1, 2, 3, 4, 5);

        reopenable.samples().updateOne(Filters.eq("_id", "counter"), new Document("$set", new Document("n", 42L)));
        reopenable.samples().insertOne(new Document("_id", "neighbour")); // rewrites the leaf page the counter is on
        reopenable.close();
        reopenable.open();
        assertThat(reopenable
                        .samples()
                        .find(Filters.eq("_id", "counter"))
                        .first()
                        .getLong("n"))
                .isEqualTo(42L);

        reopenable
                .samples()
                .replaceOne(Filters.eq("_id", "counter"), new Document("_id", "counter").append("replaced", true));
        reopenable
                .samples()
                .findOneAndUpdate(Filters.eq("_id", "neighbour"), new Document("$set", new Document("m", 1)));
        reopenable.close();
        reopenable.open();
        assertThat(reopenable.samples().find(Filters.eq("_id", "counter")).first())
                .isEqualTo(new Document("_id", "counter").append("replaced", true));
        assertThat(reopenable
                        .samples()
                        .find(Filters.eq("_id", "neighbour"))
                        .first()
                        .getInteger("m"))
                .isEqualTo(1);
    }

    @Test
    void uniqueIndexesRefuseDuplicatesAfterReopening() {
        reopenable.open();
        reopenable.samples().createIndex(Indexes.ascending("message_id"), new IndexOptions().unique(true));
        for (int i = 0; i < 500; i++) {
            reopenable
                    .samples()
                    .insertOne(new Document("_id", UUID.randomUUID().toString()).append("message_id", "m" + i));
        }
        reopenable.samples().insertOne(new Document("_id", "known").append("message_id", "unique-1"));

        reopenable.close();
        reopenable.open();

        assertThat(reopenable.samples().countDocuments()).isEqualTo(501);
        ReopenableStore.assertDuplicate(
                () -> reopenable.samples().insertOne(new Document("_id", "known").append("message_id", "other")));
        ReopenableStore.assertDuplicate(
                () -> reopenable.samples().insertOne(new Document("_id", "new").append("message_id", "unique-1")));
        ReopenableStore.assertDuplicate(
                () -> reopenable.samples().insertOne(new Document("_id", "new").append("message_id", "m250")));
        reopenable.samples().insertOne(new Document("_id", "new").append("message_id", "m500"));
        assertThat(reopenable.samples().find(Filters.eq("message_id", "m250")).first())
                .isNotNull();
    }

    @Test
    void keysOfEveryTypeAndDocumentsWithoutTheIndexedFieldAreKeptApart() {
        reopenable.open();
        reopenable
                .samples()
                .createIndex(
                        Indexes.ascending("k"), new IndexOptions().unique(true).sparse(true));
        List<Object> keys = List.of("1", 1L, 2.5, true, new Date(0), new ObjectId("5f1b2c3d4e5f6a7b8c9d0e1f"));
        for (Object k : keys) {
            reopenable.samples().insertOne(new Document("k", k));
        }
        reopenable.samples().insertOne(new Document("other", 1));
        reopenable.samples().insertOne(new Document("other", 2)); // sparse: documents without k never collide

        reopenable.close();
        reopenable.open();

        for (Object k : keys) {
            assertThat(reopenable.samples().countDocuments(Filters.eq("k", k)))
                    .as("key %s", k)
                    .isEqualTo(1);
            ReopenableStore.assertDuplicate(() -> reopenable.samples().insertOne(new Document("k", k)));
        }
        assertThat(reopenable.samples().countDocuments()).isEqualTo(keys.size() + 2);
    }

    @Test
    void refusesAFileWrittenInTheEarlierJavaSerializedFormat() {
        Path file = dir.resolve("store.mv.db");
        H2Backend backend =
                new H2Backend(new MVStore.Builder().fileName(file.toString()).open());
        de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(backend);
        server.bind("127.0.0.1", 0); // the library's own backend: Java-serialized documents
        try (MongoClient old = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            old.getDatabase("meterhub").getCollection("samples").insertOne(new Document("_id", "x"));
        } finally {
            server.shutdownNow();
            backend.commit();
            backend.close();
        }

        assertThatThrownBy(() -> EmbeddedStore.start(dir, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("earlier meterhub");
    }
}
