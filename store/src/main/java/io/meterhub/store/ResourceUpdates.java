package io.meterhub.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.meterhub.model.Sample;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Folds a batch of samples into two idempotent updates per resource: one upsert that widens the first/last sample
 * times and records the meters seen, one conditional update that replaces owner and metadata only when the batch
 * holds the resource's newest sample. Applying the same samples twice changes nothing.
 */
final class ResourceUpdates {

    private final Map<String, Acc> byResource = new LinkedHashMap<>();

    void add(Sample s) {
        if (s.resourceId() != null) {
            byResource.computeIfAbsent(s.resourceId(), id -> new Acc()).add(s);
        }
    }

    List<WriteModel<Document>> models() {
        List<WriteModel<Document>> models = new ArrayList<>(byResource.size() * 2);
        byResource.forEach((id, acc) -> {
            Date first = Date.from(acc.first.timestamp());
            Date last = Date.from(acc.latest.timestamp());
            models.add(new UpdateOneModel<>(
                    Filters.eq("_id", id),
                    Updates.combine(
                            Updates.min("first_sample_timestamp", first),
                            Updates.max("last_sample_timestamp", last),
                            Updates.addEachToSet("meters", acc.meters)),
                    new UpdateOptions().upsert(true)));
            Sample s = acc.latest;
            models.add(new UpdateOneModel<>(
                    Filters.and(Filters.eq("_id", id), Filters.lte("last_sample_timestamp", last)),
                    Updates.combine(
                            Updates.set("project_id", s.projectId()),
                            Updates.set("user_id", s.userId()),
                            Updates.set("source", s.source()),
                            Updates.set("metadata", JsonToBson.document(s.resourceMetadata())),
                            Updates.set(
                                    "last_sample_timestamp" + DocumentMapper.ISO_SUFFIX,
                                    s.timestamp().toString()))));
        });
        return models;
    }

    private static final class Acc {
        Sample first;
        Sample latest;
        final List<Document> meters = new ArrayList<>(4);

        void add(Sample s) {
            if (first == null || s.timestamp().isBefore(first.timestamp())) {
                first = s;
            }
            if (latest == null || !s.timestamp().isBefore(latest.timestamp())) {
                latest = s;
            }
            Document meter = new Document("counter_name", s.name())
                    .append("counter_type", s.type().wireName())
                    .append("counter_unit", s.unit());
            if (!meters.contains(meter)) {
                meters.add(meter);
            }
        }
    }
}
