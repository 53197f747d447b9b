package io.meterhub.feeds.read;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.meterhub.feeds.index.Postings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Binary;

/** Reads the postings bitmaps of some terms in some blocks with one {@code _id $in} query. */
final class PostingsReader {

    private final MongoCollection<Document> postings;

    PostingsReader(MongoCollection<Document> postings) {
        this.postings = postings;
    }

    /**
     * The bitmaps of {@code terms} (normalized) in blocks {@code first..last}, keyed by {@link Postings#key}; a
     * missing key means no entry of that term in that block.
     */
    Map<String, long[]> read(Set<String> terms, long first, long last) {
        List<String> keys = new ArrayList<>();
        for (String term : terms) {
            for (long b = first; b <= last; b++) {
                keys.add(Postings.key(term, b));
            }
        }
        Map<String, long[]> out = new HashMap<>();
        for (Document d : postings.find(Filters.in("_id", keys))) {
            out.put(
                    d.getString("_id"),
                    Postings.fromBytes(d.get(Postings.BITS, Binary.class).getData()));
        }
        return out;
    }
}
