package io.meterhub.store.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.OpCode;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * mongo-java-server's wire decoder, which also hands {@link BsonDocumentType} the bytes each document of an
 * {@code insert} was decoded from, so that the collection keeps those bytes ({@link StoredDocuments}) instead of
 * encoding the document once more (which was most of the commit thread's time). The library decodes the message as
 * always (its indexes read the decoded document); this walks the frame's sections afterwards and pairs the
 * {@code documents} sequence's BSON slices with the decoded documents, in order.
 *
 * <p>Only a document that already has an {@code _id} is paired: the library adds a generated {@code _id} to one
 * that has none, and its bytes would then no longer be the document stored. Nothing changes a stored document after
 * that ({@link BsonH2Collection} updates by copy).
 */
final class InsertBytesDecoder extends MongoWireProtocolHandler {

    private static final int HEADER = 16;
    private static final int OPCODE_AT = 12;
    private static final int FLAG_CHECKSUM_PRESENT = 1;
    private static final int CHECKSUM = 4;
    private static final String INSERT = "insert";
    private static final String DOCUMENTS = "documents";

    private final BsonDocumentType documents;

    InsertBytesDecoder(BsonDocumentType documents) {
        this.documents = documents;
    }

    @Override
    protected ClientRequest decode(ChannelHandlerContext ctx, ByteBuf buf) throws Exception {
        int frame = buf.readerIndex();
        ClientRequest request = super.decode(ctx, buf);
        if (request instanceof MongoMessage message
                && buf.getIntLE(frame + OPCODE_AT) == OpCode.OP_MSG.getId()
                && isInsert(message.getDocument())) {
            pair(buf, frame, message.getDocument().get(DOCUMENTS));
        }
        return request;
    }

    private static boolean isInsert(Document body) {
        Iterator<String> keys = body.keySet().iterator();
        return keys.hasNext() && INSERT.equals(keys.next());
    }

    /** Walks the OP_MSG frame at {@code frame} (already checked by the library) to its document sequence. */
    private void pair(ByteBuf buf, int frame, Object decoded) {
        if (!(decoded instanceof List<?> inserted)) {
            return;
        }
        int flags = buf.getIntLE(frame + HEADER);
        int end = frame + buf.getIntLE(frame) - ((flags & FLAG_CHECKSUM_PRESENT) != 0 ? CHECKSUM : 0);
        int at = frame + HEADER + 4;
        while (at < end) {
            byte kind = buf.getByte(at++);
            int size = buf.getIntLE(at);
            if (kind == MongoMessage.SECTION_KIND_DOCUMENT_SEQUENCE) {
                int name = at + 4;
                int nameLength = buf.bytesBefore(name, end - name, (byte) 0);
                if (nameLength >= 0 && DOCUMENTS.equals(buf.toString(name, nameLength, StandardCharsets.UTF_8))) {
                    pairSequence(buf, name + nameLength + 1, at + size, inserted);
                    return;
                }
            }
            at += size; // a body section's size is its document's length, a sequence's includes its own
        }
    }

    private void pairSequence(ByteBuf buf, int first, int end, List<?> inserted) {
        int at = first;
        for (Object document : inserted) {
            if (at >= end) {
                return; // not the sequence these documents came from; leave them to be encoded
            }
            int length = buf.getIntLE(at);
            if (document instanceof Document d && d.containsKey("_id")) {
                byte[] bytes = new byte[length];
                buf.getBytes(at, bytes);
                documents.remember(d, bytes);
            }
            at += length;
        }
    }
}
