package io.meterhub.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A holder gives back the document it holds as a new instance each time, is told apart from any decodable document
 * (also one whose only field is binary), and reports to H2's cache at least the bytes it keeps.
 */
class StoredDocumentsTest {

    private static final Document SAMPLE = new Document("_id", "s-1")
            .append("counter_volume", 2.5)
            .append("resource_metadata", new Document("flavor", new Document("vcpus", 2)))
            .append("tags", List.of("a", 1L));

    @Test
    void aHolderOpensToANewInstanceOfTheDocumentEachTime() {
        Document held = StoredDocuments.hold(BsonDocumentType.encode(SAMPLE));

        Document first = StoredDocuments.open(held);
        first.put("counter_volume", 9.0);
        ((Document) first.get("resource_metadata")).put("changed", true);

        assertThat(StoredDocuments.open(held)).isEqualTo(SAMPLE).isNotSameAs(first);
    }

    @Test
    void aDecodedDocumentIsNoHolderAndOpensToACopy() {
        Document binary = new Document("bson", new BinData(BsonDocumentType.encode(SAMPLE)));
        assertThat(StoredDocuments.bytes(binary)).isNull();
        assertThat(StoredDocuments.bytes(SAMPLE)).isNull();

        Document copy = StoredDocuments.open(SAMPLE);
        copy.put("counter_volume", 1.0);
        assertThat(SAMPLE.get("counter_volume")).isEqualTo(2.5);
    }

    @Test
    void aHolderIsWrittenAsItsBytesAndReportsAtLeastThemToTheCache() {
        byte[] bson = BsonDocumentType.encode(SAMPLE);
        Document held = StoredDocuments.hold(bson);

        org.h2.mvstore.WriteBuffer out = new org.h2.mvstore.WriteBuffer();
        BsonDocumentType.INSTANCE.write(out, held);
        assertThat(out.position()).isEqualTo(bson.length);
        assertThat(BsonDocumentType.INSTANCE.getMemory(held)).isGreaterThan(bson.length);
    }
}
