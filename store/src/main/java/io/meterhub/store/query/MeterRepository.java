package io.meterhub.store.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Sorts;
import io.meterhub.store.StoreNames;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Lists meters for {@code GET /v2/meters}: one entry per (resource, meter) from the meters each resource document
 * records, with the resource's owner and source, as Ceilometer's MongoDB driver does
 * ({@code pymongo_base.Connection.get_meters}: every {@code meter} of every matching {@code resource}). The
 * resources are unwound to one document per meter before the filter applies, so a {@code counter_name} condition
 * selects meters, not resources. Ordered by resource id, then meter name (Ceilometer left the order to the
 * database).
 *
 * <p>Filter fields: {@code counter_name}, {@code counter_type}, {@code counter_unit}, {@code resource_id},
 * {@code project_id}, {@code user_id}, {@code source}, {@code resource_metadata.<key>} (the resource's latest
 * metadata).
 */
public final class MeterRepository {

    private static final MongoFilters FILTERS = new MongoFilters(FieldLayout.RESOURCES);
    private static final Bson ORDER = Sorts.ascending("_id", "meters.counter_name", "meters.counter_type");

    private final MongoCollection<Document> resources;

    public MeterRepository(MongoDatabase db) {
        this.resources = db.getCollection(StoreNames.RESOURCES);
    }

    /** The meters matching {@code filter}, at most {@code limit} of them ({@code limit <= 0}: all). */
    public List<MeterSummary> find(Filter filter, int limit) {
        List<Bson> pipeline = new ArrayList<>(4);
        pipeline.add(Aggregates.unwind("$meters"));
        pipeline.add(Aggregates.match(FILTERS.translate(filter)));
        pipeline.add(Aggregates.sort(ORDER));
        if (limit > 0) {
            pipeline.add(Aggregates.limit(limit));
        }
        List<MeterSummary> out = new ArrayList<>();
        for (Document d : resources.aggregate(pipeline)) {
            Document meter = d.get("meters", Document.class);
            out.add(new MeterSummary(
                    meter.getString("counter_name"),
                    meter.getString("counter_type"),
                    meter.getString("counter_unit"),
                    d.getString("_id"),
                    d.getString("project_id"),
                    d.getString("user_id"),
                    d.getString("source")));
        }
        return out;
    }
}
