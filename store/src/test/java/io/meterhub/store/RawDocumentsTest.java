package io.meterhub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.BsonSerializationException;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

class RawDocumentsTest {

    private static Document decode(RawBsonDocument raw) {
        return new DocumentCodec()
                .decode(raw.asBsonReader(), DecoderContext.builder().build());
    }

    @Test
    void anAppendedFieldComesLastAndEverythingElseStays() {
        Document d = new Document("_id", "s1")
                .append("counter_volume", 2.5)
                .append("resource_metadata", new Document("flavor", new Document("vcpus", 2L)))
                .append("list", List.of(1L, "two"))
                .append("timestamp", new Date(1_421_884_800_123L))
                .append("name", "héllo");
        RawBsonDocument raw = RawDocuments.appendInt64(RawDocuments.encode(d), StoreNames.ROLLUP_SEQ, 1L << 40);

        Document expected = new Document(d).append(StoreNames.ROLLUP_SEQ, 1L << 40);
        assertThat(decode(raw)).isEqualTo(expected);
        assertThat(raw.getByteBuffer().remaining())
                .isEqualTo(RawDocuments.encode(expected).getByteBuffer().remaining());
        assertThat(raw).isEqualTo(RawDocuments.encode(expected));
    }

    @Test
    void appendsToAnEmptyDocument() {
        RawBsonDocument raw = RawDocuments.appendInt64(RawDocuments.encode(new Document()), "n", -3L);
        assertThat(decode(raw)).isEqualTo(new Document("n", -3L));
    }

    /** The buffer is reused per thread: a short document after long ones, and one far past the buffer's size. */
    @Test
    void encodesExactlyTheDriversBytesWhateverCameBefore() {
        List<Document> docs = List.of(
                new Document("_id", "big").append("text", "x".repeat(40_000)),
                new Document("_id", "small").append("n", 1L),
                new Document("_id", "huge").append("text", "é".repeat(700_000)),
                new Document("_id", "after").append("nested", new Document("a", List.of(1L, 2.5, "three"))),
                new Document());
        for (Document d : docs) {
            RawBsonDocument mine = RawDocuments.encode(d);
            RawBsonDocument drivers = new RawBsonDocument(d, new DocumentCodec());
            assertThat(mine).isEqualTo(drivers);
            byte[] bytes = new byte[mine.getByteBuffer().remaining()];
            mine.getByteBuffer().get(bytes);
            byte[] expected = new byte[drivers.getByteBuffer().remaining()];
            drivers.getByteBuffer().get(expected);
            assertThat(bytes).isEqualTo(expected);
            assertThat(decode(mine)).isEqualTo(d);
        }
    }

    @Test
    void prependedIdAndTimeComeFirstAsTheDriverWouldWriteThem() {
        Document body = new Document("entry_id", "urn:uuid:1")
                .append("categories", List.of("compute.instance.create.end", "project:p1"))
                .append("content", "{\"é\": 1}")
                .append("published", new Date(1_421_884_800_123L));
        Instant updated = Instant.parse("2026-11-27T03:59:59.123456Z");

        RawBsonDocument raw = RawDocuments.prepend(RawDocuments.encode(body), "_id", 1L << 33, "updated", updated);

        Document expected = new Document("_id", 1L << 33).append("updated", new Date(updated.toEpochMilli()));
        expected.putAll(body);
        assertThat(raw).isEqualTo(RawDocuments.encode(expected));
        assertThat(decode(raw)).isEqualTo(expected);
        assertThat(List.copyOf(decode(raw).keySet()))
                .containsExactly("_id", "updated", "entry_id", "categories", "content", "published");
    }

    @Test
    void prependsToAnEmptyDocument() {
        RawBsonDocument raw = RawDocuments.prepend(RawDocuments.encode(new Document()), "_id", 7L, "t", Instant.EPOCH);
        assertThat(decode(raw)).isEqualTo(new Document("_id", 7L).append("t", new Date(0)));
    }

    @Test
    void stringsAreTheDriversBytesWhateverTheirCharacters() {
        List<String> strings = List.of(
                "",
                "ascii only",
                "héllo wörld", // Latin-1
                "→ 10 GB • λ", // not Latin-1: the string is UTF-16 inside
                "emoji \uD83D\uDE00 pair",
                "unpaired \uD83D high",
                "unpaired \uDE00 low",
                "ends high \uD83D",
                "why? because ? marks", // question marks alone
                "? \uD83D ?", // question marks and an unpaired surrogate
                "?\uDE00",
                "what? \uD83D\uDE00 → ok?", // question marks, a pair and UTF-16 inside
                "\uD83D", // nothing but an unpaired surrogate: as long in UTF-8 as ASCII would be
                "\uDE00\uD83D", // a low before a high: two unpaired
                "x".repeat(5000) + "\uD83D" + "y".repeat(5000), // one unpaired surrogate in a long ASCII string
                "x".repeat(10_000)); // long ASCII
        for (String s : strings) {
            Document d = new Document("_id", s).append(s.replace('\u0000', ' '), new Document("v", List.of(s)));
            assertThat(bytes(RawDocuments.encode(d)))
                    .as(s)
                    .isEqualTo(bytes(new RawBsonDocument(d, new DocumentCodec())));
        }
    }

    @Test
    void aNameWithANulIsRefusedAsTheDriverRefusesIt() {
        Document d = new Document("a\u0000b", 1);
        assertThatThrownBy(() -> RawDocuments.encode(d))
                .isInstanceOf(BsonSerializationException.class)
                .hasMessageContaining("null character");
        assertThat(bytes(RawDocuments.encode(new Document("v", "a\u0000b"))))
                .as("in a value it is allowed")
                .isEqualTo(bytes(new RawBsonDocument(new Document("v", "a\u0000b"), new DocumentCodec())));
    }

    private static byte[] bytes(RawBsonDocument raw) {
        byte[] out = new byte[raw.getByteBuffer().remaining()];
        raw.getByteBuffer().get(out);
        return out;
    }
}
