package io.meterhub.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * H2's page cache holds pages until the memory their values report reaches its budget: a value that reports less
 * than it takes makes the cache hold many times its budget (an ingest run grew the heap to 3.5 GB that way). A
 * decoded document always takes more heap than its BSON bytes, so the estimate must never be below them.
 */
class BsonDocumentTypeTest {

    @Test
    void estimatesNoLessThanTheBsonEachDocumentEncodesTo() {
        for (Document d : documents()) {
            assertThat(BsonDocumentType.INSTANCE.getMemory(d))
                    .as("estimate of %s", d)
                    .isGreaterThanOrEqualTo(BsonDocumentType.encode(d).length);
        }
    }

    @Test
    void estimateGrowsWithNestedContent() {
        Document small = new Document("a", "x");
        Document nested = new Document("a", "x").append("traits", List.of(new Document("name", "y".repeat(200))));
        assertThat(BsonDocumentType.INSTANCE.getMemory(nested))
                .isGreaterThan(BsonDocumentType.INSTANCE.getMemory(small) + 200);
    }

    private static List<Document> documents() {
        List<Document> docs = new ArrayList<>();
        docs.add(new Document("_id", "e1"));
        Document event = new Document("_id", "2f73f7d8-904c-4377-aaed-67852f04e966")
                .append("event_type", "compute.instance.resize.revert.end");
        List<Document> traits = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            traits.add(new Document("name", "trait_" + i).append("type", "text").append("value", "v".repeat(i * 10)));
        }
        docs.add(event.append("traits", traits));
        docs.add(new Document("_id", "s1")
                .append(
                        "resource_metadata",
                        new Document("image_meta", new Document("base_image_ref", "r".repeat(500))))
                .append("counter_volume", 2.5)
                .append("list", List.of(1L, 2L, "three")));
        docs.add(new Document("_id", "b").append("body", new BinData(new byte[4096])));
        return docs;
    }
}
