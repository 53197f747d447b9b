package io.meterhub.feeds.write;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.meterhub.feeds.index.Postings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Sets the bits of a batch's entries in the postings of their categories: one document per (term, block) the batch
 * touches, replaced whole, in one round trip. The writer is the only one writing postings, so it keeps the bitmaps of
 * the blocks it wrote last and reads a block from the store only when it is not among them (after a restart, or for
 * a category not seen for a while). Writing a bitmap is idempotent, so a batch written again does no harm; a bit
 * whose entry never got stored (a failed attempt) only makes a reader look for an entry that is not there.
 */
final class PostingsWriter {

    private static final int CACHED_BLOCKS = 8192;
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> postings;
    private final Map<String, long[]> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };

    PostingsWriter(MongoCollection<Document> postings) {
        this.postings = postings;
    }

    /** Adds each {@code (term, seq)} to the postings; returns the documents written. */
    int write(Map<String, List<Long>> seqsByTerm) {
        Map<String, List<Long>> byKey = new LinkedHashMap<>();
        seqsByTerm.forEach((term, seqs) -> {
            String normalized = Postings.normalize(term);
            for (long seq : seqs) {
                byKey.computeIfAbsent(Postings.key(normalized, Postings.block(seq)), k -> new ArrayList<>())
                        .add(seq);
            }
        });
        if (byKey.isEmpty()) {
            return 0;
        }
        load(byKey.keySet().stream().filter(k -> !recent.containsKey(k)).toList());
        List<WriteModel<Document>> models = new ArrayList<>(byKey.size());
        byKey.forEach((key, seqs) -> {
            long[] words = recent.get(key);
            seqs.forEach(seq -> Postings.set(words, seq));
            models.add(new ReplaceOneModel<>(
                    Filters.eq("_id", key),
                    new Document("_id", key).append(Postings.BITS, new Binary(Postings.toBytes(words))),
                    UPSERT));
        });
        postings.bulkWrite(models, new BulkWriteOptions().ordered(false));
        return models.size();
    }

    private void load(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Map<String, long[]> found = new LinkedHashMap<>();
        for (Document d : postings.find(Filters.in("_id", keys))) {
            found.put(
                    d.getString("_id"),
                    Postings.fromBytes(d.get(Postings.BITS, Binary.class).getData()));
        }
        keys.forEach(k -> recent.put(k, found.getOrDefault(k, new long[Postings.WORDS])));
    }
}
