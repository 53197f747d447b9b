package io.meterhub.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.meterhub.model.Event;
import io.meterhub.model.Sample;
import io.meterhub.model.Translation;
import io.meterhub.store.DocumentMapper;
import io.meterhub.store.Fixtures;
import io.meterhub.store.RawDocuments;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

/** {@link DocumentBson} writes the library encoder's bytes, and leaves documents with other types to it. */
class DocumentBsonTest {

    private static final Instant RECORDED = Instant.parse("2026-11-27T04:15:00.123Z");

    @Test
    void encodesEveryCorpusSampleAndEventAsTheLibraryDoes() {
        List<Document> docs = new ArrayList<>();
        for (Translation t : Fixtures.translatedCorpus()) {
            String id = t.source().messageId();
            for (Sample s : t.samples()) {
                docs.add(asServerHoldsIt(RawDocuments.encode(DocumentMapper.sample(s, id, RECORDED))));
            }
            for (Event e : t.events()) {
                docs.add(asServerHoldsIt(RawDocuments.encode(DocumentMapper.event(e, RECORDED))));
            }
        }
        assertThat(docs).hasSizeGreaterThan(700);
        for (Document d : docs) {
            assertSameBytes(d);
        }
    }

    @Test
    void encodesEachKnownTypeNestedAndUnicodeAsTheLibraryDoes() {
        Document d = new Document("_id", "ünïcode-ключ-\uD83D\uDE00")
                .append("int", -7)
                .append("long", 1L << 40)
                .append("double", -0.0)
                .append("nan", Double.NaN)
                .append("true", true)
                .append("false", false)
                .append("null", null)
                .append("time", Instant.parse("1969-12-31T23:59:59.999Z"))
                .append("empty", "")
                .append("nested", new Document("a", new Document("b", List.of())).append("é", "x"))
                .append("list", List.of(1, 2L, "three", List.of(new Document("deep", 4.5)), new Document()))
                .append("long string", "é".repeat(10_000) + "z".repeat(30_000));
        assertSameBytes(d);
        assertSameBytes(new Document());
        assertSameBytes(BsonDocumentType.decode(BsonDocumentType.libraryEncode(d)));
    }

    @Test
    void leavesDocumentsWithOtherTypesToTheLibrary() {
        Document withId = new Document("_id", new ObjectId()).append("n", 1);
        Document withBinary = new Document("_id", "b").append("nested", new Document("bin", new BinData(new byte[3])));

        assertThat(DocumentBson.encode(withId)).isNull();
        assertThat(DocumentBson.encode(withBinary)).isNull();
        assertThat(BsonDocumentType.encode(withId)).isEqualTo(BsonDocumentType.libraryEncode(withId));
        assertThat(BsonDocumentType.encode(withBinary)).isEqualTo(BsonDocumentType.libraryEncode(withBinary));
    }

    @Test
    void aShortDocumentAfterALongOneGetsOnlyItsOwnBytes() {
        assertSameBytes(new Document("text", "x".repeat(100_000)));
        assertSameBytes(new Document("n", 1));
    }

    private static void assertSameBytes(Document d) {
        byte[] mine = DocumentBson.encode(d);
        assertThat(mine).as("encodes %s", d.keySet()).isNotNull();
        assertThat(Arrays.equals(mine, BsonDocumentType.libraryEncode(d)))
                .as("same bytes as the library for %s", d.keySet())
                .isTrue();
    }

    /** What the store server holds after decoding the driver's bytes off the wire. */
    private static Document asServerHoldsIt(RawBsonDocument raw) {
        ByteBuffer b = raw.getByteBuffer().asNIO();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }
}
