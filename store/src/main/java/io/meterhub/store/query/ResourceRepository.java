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
 * Reads the {@code resources} collection for {@code GET /v2/resources}: each resource with its owner, the range of
 * its sample times, the metadata of its newest sample and the meters sampled on it. Ordered as Ceilometer's MongoDB
 * driver orders them ({@code impl_mongodb._get_floating_resources} with {@code base._handle_sort_key('resource')}):
 * {@code user_id}, {@code project_id}, {@code last_sample_timestamp}, all descending ({@code _id} breaks ties).
 *
 * <p>Filter fields are the sample's ({@code resource_id}, {@code project_id}, {@code user_id}, {@code source},
 * {@code resource_metadata.<key>}, {@code timestamp}); a {@code timestamp} comparison means the resource's sample
 * range overlaps: {@code timestamp >= t} is {@code last_sample_timestamp >= t}, {@code timestamp <= t} is
 * {@code first_sample_timestamp <= t}. (Ceilometer instead recomputed the resources from the samples inside the
 * range; the stored range answers the same "which resources had samples then" question without a scan of samples,
 * but first/last/metadata are then the resource's overall ones.)
 */
public final class ResourceRepository {

    private static final MongoFilters FILTERS = new MongoFilters(FieldLayout.RESOURCES);
    private static final Bson ORDER = Sorts.orderBy(
            Sorts.descending("user_id"),
            Sorts.descending("project_id"),
            Sorts.descending(MongoFilters.LAST_SAMPLE),
            Sorts.ascending("_id"));

    private final MongoCollection<Document> resources;

    public ResourceRepository(MongoDatabase db) {
        this.resources = db.getCollection(StoreNames.RESOURCES);
    }

    /** The resources matching {@code filter}, at most {@code limit} of them ({@code limit <= 0}: all). */
    public List<StoredResource> find(Filter filter, int limit) {
        FindIterable<Document> found = resources.find(FILTERS.translate(filter)).sort(ORDER);
        if (limit > 0) {
            found = found.limit(limit);
        }
        List<StoredResource> out = new ArrayList<>();
        for (Document d : found) {
            out.add(StoredDocuments.resource(d));
        }
        return out;
    }

    /** The resource with this id ({@code GET /v2/resources/<id>}). */
    public Optional<StoredResource> findById(String id) {
        return Optional.ofNullable(resources.find(Filters.eq("_id", id)).first())
                .map(StoredDocuments::resource);
    }
}
