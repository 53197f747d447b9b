package io.meterhub.store.embedded;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Stores the embedded store's documents in H2 as BSON — the bytes the wire protocol carries — instead of H2's
 * default Java serialization, which costs several times more per document. The collections keep holders of those
 * bytes in their data maps ({@link StoredDocuments}): a holder is written as the bytes it holds and read back as a
 * holder, without decoding. A decoded document (a collection an earlier meterhub filled under {@code _id} keys
 * stores those) is encoded with mongo-java-server's own encoding, once: its bytes are kept beside it
 * ({@link EncodedForms}) for the next time H2 writes its page.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();
    private static final int KEPT_BUFFER = 1 << 20;
    private static final ThreadLocal<ByteBuf> BUFFER = ThreadLocal.withInitial(BsonDocumentType::newBuffer);

    private final EncodedForms forms = new EncodedForms();

    private BsonDocumentType() {}

    @Override
    public int getMemory(Document document) {
        // what H2's page cache counts against its size: too low, and it holds too much
        byte[] held = StoredDocuments.bytes(document);
        return held != null ? StoredDocuments.HOLDER_OVERHEAD + held.length : estimate(document);
    }

    /** The heap a decoded value takes, roughly: objects, map entries and string characters. */
    static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int bytes = 80;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                bytes += 48 + estimate(e.getKey()) + estimate(e.getValue());
            }
            return bytes;
        }
        if (value instanceof Collection<?> list) {
            int bytes = 40;
            for (Object o : list) {
                bytes += 8 + estimate(o);
            }
            return bytes;
        }
        if (value instanceof String text) {
            return 48 + text.length();
        }
        if (value instanceof BinData binary) {
            return 32 + binary.getData().length;
        }
        return 24;
    }

    @Override
    public void write(WriteBuffer out, Document document) {
        byte[] held = StoredDocuments.bytes(document);
        if (held != null) {
            out.put(held);
            return;
        }
        byte[] bytes = forms.get(document);
        if (bytes == null) {
            bytes = encode(document);
            forms.put(document, bytes);
        }
        out.put(bytes);
    }

    /** A holder of the stored bytes ({@link StoredDocuments}): decoded only when a collection reads it. */
    @Override
    public Document read(ByteBuffer in) {
        return StoredDocuments.hold(readBytes(in));
    }

    /** The next BSON document's bytes. */
    static byte[] readBytes(ByteBuffer in) {
        int length = in.order(ByteOrder.LITTLE_ENDIAN).getInt(in.position()); // BSON starts with its int32 length
        in.order(ByteOrder.BIG_ENDIAN);
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    static Document decode(byte[] bytes) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /**
     * Encodes with {@link DocumentBson} when the document holds only the types it knows, else with the library's
     * encoder, in a buffer kept per thread: a new buffer per document cost more than the encoding.
     */
    static byte[] encode(Document document) {
        byte[] direct = DocumentBson.encode(document);
        if (direct != null) {
            return direct;
        }
        return libraryEncode(document);
    }

    /** The library's own encoding ({@code BsonEncoder}), which every type it stores has. */
    static byte[] libraryEncode(Document document) {
        ByteBuf buf = BUFFER.get();
        buf.clear();
        try {
            BsonEncoder.encodeDocument(document, buf);
            byte[] bytes = new byte[buf.readableBytes()];
            buf.getBytes(0, bytes);
            return bytes;
        } finally {
            if (buf.capacity() > KEPT_BUFFER) {
                buf.release();
                BUFFER.set(newBuffer()); // one huge document should not keep its buffer for good
            }
        }
    }

    private static ByteBuf newBuffer() {
        return Unpooled.buffer(4096);
    }
}
