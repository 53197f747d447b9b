package io.meterhub.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
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

    @Test
    void documentsWhoseIdIsNotAStringOrNotFirstAreStoredAsSentToo() {
        reopenable.open();
        ObjectId oid = new ObjectId();
        List<RawBsonDocument> sent = List.of(
                RawBsonDocument.parse("{\"v\": 1, \"_id\": \"id-last\", \"w\": {\"x\": [1, 2]}}"),
                RawBsonDocument.parse("{\"_id\": {\"$oid\": \"" + oid.toHexString() + "\"}, \"v\": 2}"),
                RawBsonDocument.parse("{\"_id\": {\"$numberLong\": \"42\"}, \"v\": 3}"));
        raw().insertMany(sent);

        assertThat(reopenable.samples().find(Filters.eq("_id", "id-last")).first())
                .containsEntry("v", 1)
                .containsEntry("w", new Document("x", List.of(1, 2)));
        assertThat(reopenable.samples().find(Filters.eq("_id", oid)).first()).containsEntry("v", 2);
        assertThat(reopenable.samples().find(Filters.eq("_id", 42L)).first()).containsEntry("v", 3);
        ReopenableStore.assertDuplicate(() -> raw().insertOne(RawBsonDocument.parse("{\"_id\": 42, \"v\": 4}")));

        reopenable.close();
        assertThat(storedBytes())
                .containsOnlyKeys("id-last", new org.bson.BsonObjectId(oid).toString(), new BsonInt64(42).toString())
                .containsEntry("id-last", bytes(sent.get(0)))
                .containsEntry(new org.bson.BsonObjectId(oid).toString(), bytes(sent.get(1)))
                .containsEntry(new BsonInt64(42).toString(), bytes(sent.get(2)));
    }

    /**
     * A string {@code _id} in a collection whose only unique index is the {@code _id} index takes one look-up
     * ({@code BsonH2Collection.addById}): what a batch with duplicates leaves is what the library's own path leaves,
     * read from the file, and a duplicate is refused with the library's error, word for word.
     */
    @Test
    void aBatchWithDuplicateIdsStoresTheOthersAndIndexesExactlyThem() {
        reopenable.open();
        raw().insertMany(List.of(RawBsonDocument.parse("{\"_id\": \"a\", \"v\": 1}")));
        List<RawBsonDocument> batch = List.of(
                RawBsonDocument.parse("{\"_id\": \"b\", \"v\": 2}"),
                RawBsonDocument.parse("{\"_id\": \"a\", \"v\": 3}"), // taken before
                RawBsonDocument.parse("{\"_id\": \"c\", \"v\": 4}"),
                RawBsonDocument.parse("{\"_id\": \"b\", \"v\": 5}")); // taken in this batch
        assertThatThrownBy(() -> raw().insertMany(batch, new InsertManyOptions().ordered(false)))
                .isInstanceOfSatisfying(MongoBulkWriteException.class, e -> {
                    assertThat(e.getWriteErrors())
                            .extracting(BulkWriteError::getIndex)
                            .containsExactly(1, 3);
                    assertThat(e.getWriteErrors())
                            .extracting(BulkWriteError::getMessage)
                            .containsExactly(
                                    "E11000 duplicate key error collection: meterhub.samples index: _id_ dup key:"
                                            + " { _id: \"a\" }",
                                    "E11000 duplicate key error collection: meterhub.samples index: _id_ dup key:"
                                            + " { _id: \"b\" }");
                });
        raw().insertOne(RawBsonDocument.parse("{\"_id\": 7, \"v\": 6}"));
        assertThatThrownBy(() -> raw().insertOne(RawBsonDocument.parse("{\"_id\": 7, \"v\": 7}")))
                .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(
                                e.getError().getMessage())
                        .as("the library's own path, for the same wording")
                        .isEqualTo("E11000 duplicate key error collection: meterhub.samples index: _id_ dup key:"
                                + " { _id: 7 }"));

        reopenable.close();
        MVStore file = ReopenableStore.openFile(dir, true);
        try {
            Map<Object, Object> positions = new HashMap<>();
            ReopenableStore.dataMap(file)
                    .forEach((position, held) ->
                            positions.put(StoredDocuments.open(held).get("_id"), position));
            assertThat(positions).containsOnlyKeys("a", "b", "c", 7);
            Map<KeyValue, Object> index = new HashMap<>(ReopenableStore.indexMap(file, ReopenableStore.ID_INDEX_MAP));
            assertThat(index)
                    .containsOnlyKeys(new KeyValue("a"), new KeyValue("b"), new KeyValue("c"), new KeyValue(7.0))
                    .containsEntry(new KeyValue("a"), positions.get("a"))
                    .containsEntry(new KeyValue("b"), positions.get("b"))
                    .containsEntry(new KeyValue("c"), positions.get("c"))
                    .containsEntry(new KeyValue(7.0), positions.get(7));
        } finally {
            file.close();
        }
        reopenable.open();
        assertThat(reopenable.samples().find(Filters.eq("_id", "b")).first()).containsEntry("v", 2);
    }

    @Test
    void anArrayIdIsRefusedAsTheLibraryRefusesIt() {
        reopenable.open();
        assertThatThrownBy(() -> raw().insertMany(List.of(RawBsonDocument.parse("{\"_id\": [1, 2], \"v\": 1}"))))
                .isInstanceOfSatisfying(MongoBulkWriteException.class, e -> assertThat(
                                e.getWriteErrors().get(0).getMessage())
                        .contains("_id")
                        .contains("array"));
        assertThat(reopenable.samples().countDocuments()).isZero();
    }

    /** Documents are stored without the library decoding them, yet what its decoder refuses is still refused. */
    @Test
    void aDocumentTheLibraryCannotDecodeIsRefusedAndNothingOfItsBatchStored() {
        reopenable.open();
        RawBsonDocument symbol = new RawBsonDocument(
                new BsonDocument("_id", new BsonString("s-1")).append("s", new org.bson.BsonSymbol("sym")),
                new BsonDocumentCodec());
        assertThatThrownBy(() -> raw().insertMany(List.of(RawBsonDocument.parse("{\"_id\": \"ok-1\"}"), symbol)))
                .isInstanceOf(com.mongodb.MongoException.class);
        raw().insertMany(List.of(RawBsonDocument.parse("{\"_id\": \"ok-2\"}")));
        assertThat(reopenable.samples().find().map(d -> d.getString("_id"))).containsExactly("ok-2");
    }

    /**
     * Frames written by hand on a socket: an insert as drivers send it is stored; the same with a command document
     * the library's decoder refuses is refused the library's way (the connection closed, nothing stored), and the
     * store goes on serving.
     */
    @Test
    void aHandWrittenInsertIsStoredAndOneWithABrokenCommandIsRefused() throws Exception {
        reopenable.open();
        com.mongodb.ConnectionString address = new com.mongodb.ConnectionString(reopenable.connectionString());
        String[] hostPort = address.getHosts().get(0).split(":");
        byte[] good = opMsgInsert("raw-1", false);
        byte[] broken = opMsgInsert("raw-2", true);
        try (java.net.Socket socket = new java.net.Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(good);
            byte[] header = socket.getInputStream().readNBytes(16);
            assertThat(header).hasSize(16);
            assertThat(ByteBuffer.wrap(header, 12, 4)
                            .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                            .getInt())
                    .as("an OP_MSG reply")
                    .isEqualTo(2013);
            socket.getInputStream()
                    .skipNBytes(ByteBuffer.wrap(header)
                                    .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                                    .getInt()
                            - 16);
            socket.getOutputStream().write(broken);
            assertThat(socket.getInputStream().read())
                    .as("the connection closed")
                    .isEqualTo(-1);
        }
        raw().insertOne(RawBsonDocument.parse("{\"_id\": \"driver-1\"}"));
        assertThat(reopenable.samples().find().map(d -> d.getString("_id")))
                .containsExactlyInAnyOrder("raw-1", "driver-1");
    }

    /** An OP_MSG {@code insert} into the samples with one document in a {@code documents} sequence. */
    private static byte[] opMsgInsert(String id, boolean breakTheCommand) {
        byte[] command = bytes(RawBsonDocument.parse("{\"insert\": \"samples\", \"$db\": \"meterhub\"}"));
        if (breakTheCommand) {
            command[4 + 1 + "insert".length() + 1 + 4 + "samples".length()] = 'x'; // the string's closing NUL
        }
        byte[] document = bytes(RawBsonDocument.parse("{\"_id\": \"" + id + "\", \"v\": 1}"));
        byte[] name = "documents\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int sequence = 4 + name.length + document.length;
        int length = 16 + 4 + 1 + command.length + 1 + sequence;
        ByteBuffer frame = ByteBuffer.allocate(length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        frame.putInt(length).putInt(7).putInt(0).putInt(2013).putInt(0); // header, OP_MSG, flags
        frame.put((byte) 0).put(command);
        frame.put((byte) 1).putInt(sequence).put(name).put(document);
        return frame.array();
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
