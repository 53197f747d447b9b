package io.meterhub.store.query;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.meterhub.store.StoreNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads samples for {@code GET /v2/samples}, {@code /v2/meters/<meter>} and {@code POST /v2/query/samples}, like
 * Ceilometer's MongoDB driver ({@code impl_mongodb.Connection.get_samples} and {@code query_samples}): the filter
 * as a MongoDB query, the ordering (newest first when none is given), the limit.
 */
public final class SampleRepository {

    private static final MongoFilters FILTERS = new MongoFilters(FieldLayout.SAMPLES);

    private final MongoCollection<Document> samples;

    public SampleRepository(MongoDatabase db) {
        this.samples = db.getCollection(StoreNames.SAMPLES);
    }

    /**
     * The samples matching {@code filter}, in {@code orderBy} order (empty: {@code timestamp} descending, Ceilometer's
     * default), at most {@code limit} of them ({@code limit <= 0}: all).
     */
    public List<StoredSample> find(Filter filter, List<Sort> orderBy, int limit) {
        FindIterable<Document> found = samples.find(FILTERS.translate(filter)).sort(sort(orderBy));
        if (limit > 0) {
            found = found.limit(limit);
        }
        List<StoredSample> out = new ArrayList<>();
        for (Document d : found) {
            out.add(StoredDocuments.sample(d));
        }
        return out;
    }

    /** The sample with this id ({@code GET /v2/samples/<id>}). */
    public Optional<StoredSample> findById(String messageId) {
        return Optional.ofNullable(samples.find(Filters.eq("_id", messageId)).first())
                .map(StoredDocuments::sample);
    }

    /** The MongoDB ordering; {@code _id} last, so that equal keys come back in a stable order. */
    static Bson sort(List<Sort> orderBy) {
        List<Bson> keys = new ArrayList<>();
        if (orderBy.isEmpty()) {
            keys.add(Sorts.descending(FieldLayout.TIMESTAMP));
        }
        for (Sort s : orderBy) {
            String path = FieldLayout.SAMPLES.path(s.field());
            keys.add(s.ascending() ? Sorts.ascending(path) : Sorts.descending(path));
        }
        keys.add(Sorts.ascending("_id"));
        return Sorts.orderBy(keys);
    }
}
