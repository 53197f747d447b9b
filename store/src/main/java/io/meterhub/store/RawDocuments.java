package io.meterhub.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;
import org.bson.BsonBinaryWriter;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/**
 * Documents encoded to BSON ahead of their write, on the threads that submit notifications, so that the one writer
 * thread only copies bytes; and the fields a batch adds to them afterwards, put into the bytes.
 */
public final class RawDocuments {

    private static final DocumentCodec CODEC = new DocumentCodec();
    private static final byte INT64 = 0x12;
    private static final byte DATE_TIME = 0x09;
    private static final EncoderContext ENCODE = EncoderContext.builder().build();
    private static final int KEPT_BUFFER = 1 << 20;
    private static final ThreadLocal<BasicOutputBuffer> BUFFER =
            ThreadLocal.withInitial(() -> new Utf8OutputBuffer(16 * 1024));

    private RawDocuments() {}

    /**
     * Encodes into a buffer kept per thread and copies out exactly the document's bytes: the driver's own
     * {@code new RawBsonDocument(document, codec)} starts a 1 KB buffer per document and doubles it (a 2-3 KB sample
     * or event copied twice, and kept in a buffer up to twice its size while its batch waits).
     */
    public static RawBsonDocument encode(Document document) {
        return write(writer -> encode(writer, document));
    }

    /** Writes {@code document} with the driver's codec at the writer's position (a whole document, or a value). */
    static void encode(BsonWriter writer, Document document) {
        CODEC.encode(writer, document, ENCODE);
    }

    /** The document {@code body} writes, start and end included, copied out of the buffer kept per thread. */
    static RawBsonDocument write(Consumer<BsonBinaryWriter> body) {
        return new RawBsonDocument(bytes(body));
    }

    /** The bytes of the document {@code body} writes, as {@link #write}. */
    static byte[] bytes(Consumer<BsonBinaryWriter> body) {
        BasicOutputBuffer buffer = BUFFER.get();
        buffer.truncateToPosition(0);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            body.accept(writer);
        }
        byte[] bytes = Arrays.copyOf(buffer.getInternalBuffer(), buffer.getPosition());
        if (buffer.getInternalBuffer().length > KEPT_BUFFER) {
            BUFFER.remove(); // one huge document should not keep its buffer for good
        }
        return bytes;
    }

    /**
     * The document with a 64-bit integer field appended: a BSON document is its int32 length, its elements and a
     * final 0, so the new element goes before that 0 and the length grows by the element's size.
     */
    static RawBsonDocument appendInt64(RawBsonDocument document, String name, long value) {
        ByteBuffer in = document.getByteBuffer().asNIO().order(ByteOrder.LITTLE_ENDIAN);
        int length = in.remaining();
        byte[] key = name.getBytes(StandardCharsets.UTF_8);
        int grown = length + 1 + key.length + 1 + 8;
        ByteBuffer out = ByteBuffer.allocate(grown).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(grown);
        in.position(in.position() + 4);
        in.limit(in.limit() - 1); // without the final 0
        out.put(in);
        out.put(INT64).put(key).put((byte) 0).putLong(value).put((byte) 0);
        return new RawBsonDocument(out.array());
    }

    /**
     * The document with a 64-bit integer {@code idName} and a UTC datetime {@code timeName} (milliseconds) put before
     * its own elements: the same bytes the driver makes of {@code new Document(idName, id).append(timeName, time)}
     * followed by the document's fields.
     */
    public static RawBsonDocument prepend(
            RawBsonDocument document, String idName, long id, String timeName, Instant time) {
        ByteBuffer in = document.getByteBuffer().asNIO().order(ByteOrder.LITTLE_ENDIAN);
        int length = in.remaining();
        byte[] idKey = idName.getBytes(StandardCharsets.UTF_8);
        byte[] timeKey = timeName.getBytes(StandardCharsets.UTF_8);
        int grown = length + (1 + idKey.length + 1 + 8) + (1 + timeKey.length + 1 + 8);
        ByteBuffer out = ByteBuffer.allocate(grown).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(grown);
        out.put(INT64).put(idKey).put((byte) 0).putLong(id);
        out.put(DATE_TIME).put(timeKey).put((byte) 0).putLong(time.toEpochMilli());
        in.position(in.position() + 4); // the document's elements and its final 0
        out.put(in);
        return new RawBsonDocument(out.array());
    }
}
