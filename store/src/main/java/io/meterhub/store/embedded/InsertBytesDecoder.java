package io.meterhub.store.embedded;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.MessageFlag;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.OpCode;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import de.bwaldvogel.mongo.wire.message.MessageHeader;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * mongo-java-server's wire decoder, except for an {@code insert} whose documents come as an OP_MSG document
 * sequence (as drivers send {@code insertMany}): each of those documents is handed on as it arrived
 * ({@link StoredDocuments#arrived}), its {@code _id} decoded and its BSON bytes kept, and {@link BsonH2Collection}
 * stores those bytes instead of encoding the document once more. The rest of a document is decoded only when a
 * unique index of its collection needs more than the {@code _id}: decoding every field of every inserted document,
 * only for the library to look its {@code _id} up, was a third of the store server's time at ingest.
 *
 * <p>Any other message, and any frame this does not read the way the library would (other flags, other sections,
 * a sequence not named {@code documents}, a document the library's decoder would not decode: {@link DecodableBson}),
 * goes to the library's decoder, which decodes it or refuses it as it always does. An inserted document without
 * {@code _id} is decoded and left to the library, which gives it a generated one (its bytes would no longer be the
 * document stored). Nothing that reads inserted documents besides the collection sees them: the library's
 * oplog would, and the embedded store runs without one.
 */
final class InsertBytesDecoder extends MongoWireProtocolHandler {

    private static final int HEADER = 16;
    private static final int REQUEST_ID_AT = 4;
    private static final int RESPONSE_TO_AT = 8;
    private static final int OPCODE_AT = 12;
    private static final int CHECKSUM = 4;
    private static final String INSERT = "insert";
    private static final String DOCUMENTS = "documents";
    private static final String ID = "_id";
    private static final byte END = 0;

    private final DecodableBson decodable = new DecodableBson();

    @Override
    protected ClientRequest decode(ChannelHandlerContext ctx, ByteBuf buf) throws Exception {
        int frame = buf.readerIndex();
        if (buf.readableBytes() >= HEADER + 4 && buf.getIntLE(frame + OPCODE_AT) == OpCode.OP_MSG.getId()) {
            int length = buf.getIntLE(frame);
            if (length <= MAX_MESSAGE_SIZE_BYTES && length <= buf.readableBytes()) {
                Document body = insertBody(buf, frame, length);
                if (body != null) {
                    MessageHeader header = new MessageHeader(
                            length, buf.getIntLE(frame + REQUEST_ID_AT), buf.getIntLE(frame + RESPONSE_TO_AT));
                    buf.skipBytes(length);
                    return new MongoMessage(ctx.channel(), header, body);
                }
            }
        }
        return super.decode(ctx, buf);
    }

    /**
     * The command of the OP_MSG frame at {@code frame} if it is an insert with one body section and one
     * {@code documents} sequence, its documents as they arrived; otherwise null.
     */
    private Document insertBody(ByteBuf buf, int frame, int length) {
        int flags = buf.getIntLE(frame + HEADER);
        boolean checksum = MessageFlag.CHECKSUM_PRESENT.isSet(flags);
        if ((checksum ? MessageFlag.CHECKSUM_PRESENT.removeFrom(flags) : flags) != 0) {
            return null; // the library refuses other flags
        }
        int end = frame + length - (checksum ? CHECKSUM : 0);
        int body = -1;
        int sequence = -1;
        int at = frame + HEADER + 4;
        while (at < end) {
            byte kind = buf.getByte(at);
            int size = at + 5 <= end ? buf.getIntLE(at + 1) : -1;
            if (size < 5 || size > end - at - 1) {
                return null;
            }
            if (kind == MongoMessage.SECTION_KIND_BODY && body < 0) {
                body = at + 1;
            } else if (kind == MongoMessage.SECTION_KIND_DOCUMENT_SEQUENCE && sequence < 0) {
                sequence = at + 1;
            } else {
                return null;
            }
            at += 1 + size;
        }
        if (at != end || body < 0 || sequence < 0) {
            return null;
        }
        int sequenceEnd = sequence + buf.getIntLE(sequence);
        int name = sequence + 4;
        int nameLength = buf.bytesBefore(name, sequenceEnd - name, END);
        if (nameLength < 0 || !DOCUMENTS.equals(buf.toString(name, nameLength, StandardCharsets.UTF_8))) {
            return null;
        }
        Document command;
        try {
            command = BsonDecoder.decodeBson(buf.slice(body, buf.getIntLE(body)));
        } catch (RuntimeException e) {
            return null; // the library's decoder refuses it, its way
        }
        if (!isInsert(command) || command.containsKey(DOCUMENTS)) {
            return null;
        }
        List<Document> documents = arrived(buf, name + nameLength + 1, sequenceEnd);
        if (documents == null) {
            return null;
        }
        command.put(DOCUMENTS, documents);
        return command;
    }

    private static boolean isInsert(Document command) {
        Iterator<String> keys = command.keySet().iterator();
        return keys.hasNext() && INSERT.equals(keys.next());
    }

    private List<Document> arrived(ByteBuf buf, int first, int end) {
        List<Document> documents = new ArrayList<>();
        for (int at = first; at < end; ) {
            int length = at + 4 <= end ? buf.getIntLE(at) : -1;
            if (length < 5 || length > end - at) {
                return null;
            }
            byte[] bytes = new byte[length];
            buf.getBytes(at, bytes);
            if (!decodable.check(bytes)) {
                return null; // the library's decoder refuses the message, as it always did
            }
            documents.add(arrived(bytes));
            at += length;
        }
        return documents.isEmpty() ? null : documents;
    }

    /**
     * One inserted document, which the library would decode ({@link DecodableBson}): its {@code _id} (found in the
     * bytes, {@link BsonFields}) and bytes; decoded whole for the library when it has no {@code _id} (the library
     * gives it one) or an array as {@code _id} (the library refuses it).
     */
    private static Document arrived(byte[] bytes) {
        Object id = BsonFields.value(bytes, ID);
        if (id == Missing.getInstance() || id == BsonFields.UNREADABLE || id instanceof Collection<?>) {
            return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
        }
        return StoredDocuments.arrived(id, bytes);
    }
}
