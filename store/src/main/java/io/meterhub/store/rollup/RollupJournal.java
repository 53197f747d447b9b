package io.meterhub.store.rollup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The ids of the samples of the batch being written, recorded with its sequence number before the samples are
 * inserted. The journal holds one batch: each batch overwrites the documents {@code chunk-0}, {@code chunk-1}... (up
 * to {@value #CHUNK} ids each, by {@code _id}); chunks left from a larger earlier batch carry an older sequence
 * number and are ignored. The highest sequence number in the journal is the last one ever given out.
 */
final class RollupJournal {

    static final int CHUNK = 10_000;
    private static final String SEQ = "seq";
    private static final String INDEX = "chunk";
    private static final String IDS = "ids";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    /** The batch recorded last. */
    record Entry(long seq, List<String> sampleIds) {}

    private final MongoCollection<Document> journal;

    RollupJournal(MongoCollection<Document> journal) {
        this.journal = journal;
    }

    /** Records the batch's sample ids under its sequence number; one document write per {@value #CHUNK} ids. */
    void record(long seq, List<String> sampleIds) {
        List<WriteModel<Document>> chunks = new ArrayList<>();
        for (int from = 0, i = 0; from < sampleIds.size() || i == 0; from += CHUNK, i++) {
            List<String> ids = sampleIds.subList(from, Math.min(sampleIds.size(), from + CHUNK));
            String id = "chunk-" + i;
            chunks.add(new ReplaceOneModel<>(
                    Filters.eq("_id", id),
                    new Document("_id", id).append(SEQ, seq).append(INDEX, i).append(IDS, new ArrayList<>(ids)),
                    UPSERT));
        }
        journal.bulkWrite(chunks, new BulkWriteOptions().ordered(true));
    }

    /** The batch recorded last, if any (the journal is a handful of documents: reading it all is cheap). */
    Optional<Entry> last() {
        List<Document> docs = journal.find().into(new ArrayList<>());
        long seq = docs.stream()
                .mapToLong(d -> d.get(SEQ, Number.class).longValue())
                .max()
                .orElse(-1);
        if (seq < 0) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        docs.stream()
                .filter(d -> d.get(SEQ, Number.class).longValue() == seq)
                .sorted(Comparator.comparingInt(d -> d.get(INDEX, Number.class).intValue()))
                .forEach(d -> ids.addAll(d.getList(IDS, String.class)));
        return Optional.of(new Entry(seq, ids));
    }
}
