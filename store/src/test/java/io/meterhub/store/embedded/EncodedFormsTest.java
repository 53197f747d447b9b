package io.meterhub.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.bson.Document;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EncodedFormsTest {

    @Test
    void bytesBelongToOneInstanceNotToEqualValues() {
        EncodedForms forms = new EncodedForms();
        Document a = new Document("_id", "x");
        Document equal = new Document("_id", "x");
        byte[] bytes = BsonDocumentType.encode(a);
        forms.put(a, bytes);

        assertThat(forms.get(a)).isSameAs(bytes);
        assertThat(forms.get(equal))
                .as("an equal document may be changed later; only the instance H2 holds counts")
                .isNull();
    }

    @Test
    void bytesGoOnceTheirValueIsCollected() {
        EncodedForms forms = new EncodedForms();
        for (int i = 0; i < 1000; i++) {
            Document d = new Document("_id", i);
            forms.put(d, BsonDocumentType.encode(d));
        }
        Document kept = new Document("_id", "kept");
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    System.gc();
                    forms.put(kept, BsonDocumentType.encode(kept)); // clears what the collector reported
                    return forms.size() == 1;
                });
        assertThat(forms.size()).isEqualTo(1);
        assertThat(forms.get(kept)).isNotNull();
    }

    @Test
    void aDocumentWrittenTwiceGivesTheSameBytesAndAReadDocumentIsHeldAsTheBytesItCameFrom() {
        Document d = new Document("_id", "once").append("n", 1L);
        java.nio.ByteBuffer first = write(d);
        java.nio.ByteBuffer second = write(d);
        assertThat(second).isEqualTo(first);

        Document read = BsonDocumentType.INSTANCE.read(first.duplicate());
        assertThat(StoredDocuments.bytes(read)).isNotNull();
        assertThat(StoredDocuments.open(read)).isEqualTo(d);
        assertThat(write(read)).isEqualTo(first);
    }

    private static java.nio.ByteBuffer write(Document d) {
        org.h2.mvstore.WriteBuffer out = new org.h2.mvstore.WriteBuffer();
        BsonDocumentType.INSTANCE.write(out, d);
        java.nio.ByteBuffer b = out.getBuffer();
        b.flip();
        return b;
    }
}
