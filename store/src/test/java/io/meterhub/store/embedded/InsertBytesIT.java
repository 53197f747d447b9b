package io.meterhub.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonUndefined;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.Test;

/**
 * An inserted document is stored as the bytes the driver sent ({@link InsertBytesDecoder}), not encoded once more:
 * read back from the file below the library, the stored bytes are the driver's, also where the library's own
 * encoding would differ (BSON's deprecated undefined, which the library reads as null). A document that arrives
 * without an {@code _id} gets the library's generated one, so it is stored as the library encodes it, {@code _id}
 * included. Either way the driver reads back what it wrote, after a reopen too.
 */
class InsertBytesIT extends OnReopenableStore {

    @Test
    void insertedDocumentsAreStoredAsTheDriverSentThem() {
        reopenable.open();
        List<RawBsonDocument> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sent.add(new RawBsonDocument(
                    new Document("_id", "sample-" + i)
                            .append("counter_name", "disk.root.size")
                            .append("counter_volume", i * 1.5)
                            .append("count", i)
                            .append("big", 1L << 40)
                            .append("unit", "GB ✓ \uD83D\uDE00")
                            .append("recorded_at", Date.from(Instant.parse("2026-11-27T10:00:00Z")))
                            .append("enabled", i % 2 == 0)
                            .append("nothing", null)
                            .append(
                                    "resource_metadata",
                                    new Document("flavor", new Document("vcpus", 2)).append("tags", List.of("a", 1)))
                            .append("oid", new ObjectId())
                            .append("price", Decimal128.parse("0.25")),
                    new DocumentCodec()));
        }
        BsonDocument undefined = new BsonDocument("_id", new BsonString("undefined-1"))
                .append("gone", new BsonUndefined())
                .append("n", new BsonInt32(7));
        sent.add(new RawBsonDocument(undefined, new BsonDocumentCodec()));
        raw().insertMany(sent);

        reopenable.close();
        Map<String, byte[]> stored = storedBytes();
        assertThat(stored).hasSize(sent.size());
        for (RawBsonDocument document : sent) {
            String id = document.getString("_id").getValue();
            assertThat(stored.get(id)).as(id).isEqualTo(bytes(document));
        }
        assertThat(typeOf(stored.get("undefined-1"), "gone")).isEqualTo(BsonType.UNDEFINED);

        reopenable.open();
        assertThat(raw().find(Filters.eq("_id", "sample-7")).first()).isEqualTo(sent.get(7));
        Document readBack =
                reopenable.samples().find(Filters.eq("_id", "undefined-1")).first();
        assertThat(readBack).containsEntry("gone", null).containsEntry("n", 7);
    }

    @Test
    void aDocumentWithoutIdIsStoredWithTheIdTheStoreGaveIt() {
        reopenable.open();
        RawBsonDocument noId = new RawBsonDocument(
                new BsonDocument("gone", new BsonUndefined()).append("n", new BsonInt32(1)), new BsonDocumentCodec());
        raw().insertMany(List.of(noId));
        Object id = reopenable.samples().find().first().get("_id");
        assertThat(id).isNotNull();

        reopenable.close();
        byte[] stored = storedBytes().values().iterator().next();
        assertThat(typeOf(stored, "_id")).isNotNull();
        assertThat(typeOf(stored, "gone")).isEqualTo(BsonType.NULL); // the library's encoding, not the sent bytes

        reopenable.open();
        assertThat(reopenable.samples().find(Filters.eq("_id", id)).first()).containsEntry("n", 1);
    }

    @Test
    void aRefusedDuplicateLeavesTheFirstDocumentStored() {
        reopenable.open();
        RawBsonDocument first = RawBsonDocument.parse("{\"_id\": \"m-1\", \"v\": 1}");
        raw().insertMany(List.of(first));
        ReopenableStore.assertDuplicate(() -> raw().insertOne(RawBsonDocument.parse("{\"_id\": \"m-1\", \"v\": 2}")));

        reopenable.close();
        assertThat(storedBytes()).containsOnlyKeys("m-1").containsEntry("m-1", bytes(first));
    }

    private MongoCollection<RawBsonDocument> raw() {
        return reopenable.samples().withDocumentClass(RawBsonDocument.class);
    }

    /** The samples' stored bytes by {@code _id}, read from the closed store's file. */
    private Map<String, byte[]> storedBytes() {
        Map<String, byte[]> byId = new TreeMap<>();
        MVStore file = ReopenableStore.openFile(dir, true);
        try {
            MVMap<Object, byte[]> data = file.openMap(
                    ReopenableStore.DATA_MAP, new MVMap.Builder<Object, byte[]>().valueType(new StoredBytes()));
            for (byte[] bytes : data.values()) {
                BsonValue id = new RawBsonDocument(bytes).get("_id");
                byId.put(id.isString() ? id.asString().getValue() : id.toString(), bytes);
            }
        } finally {
            file.close();
        }
        return byId;
    }

    private static byte[] bytes(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static BsonType typeOf(byte[] document, String field) {
        try (BsonBinaryReader reader = new BsonBinaryReader(ByteBuffer.wrap(document))) {
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                if (reader.readName().equals(field)) {
                    return reader.getCurrentBsonType();
                }
                reader.skipValue();
            }
        }
        return null;
    }

    /** Reads a stored document's bytes as they are. */
    private static final class StoredBytes extends BasicDataType<byte[]> {
        @Override
        public int getMemory(byte[] bytes) {
            return bytes.length;
        }

        @Override
        public void write(WriteBuffer out, byte[] bytes) {
            out.put(bytes);
        }

        @Override
        public byte[] read(ByteBuffer in) {
            return BsonDocumentType.readBytes(in);
        }

        @Override
        public byte[][] createStorage(int size) {
            return new byte[size][];
        }
    }
}
