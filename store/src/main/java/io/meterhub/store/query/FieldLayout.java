package io.meterhub.store.query;

import java.util.List;
import java.util.Map;

/**
 * Where a query field is stored in one collection. Query fields are the names of Ceilometer's sample
 * ({@code counter_name}, {@code resource_id}, {@code resource_metadata.<key>} ...); samples store them under those
 * names, resources under their own ({@code _id}, {@code metadata}, {@code meters.counter_name}, and a time range
 * instead of a timestamp).
 */
final class FieldLayout {

    static final String METADATA_FIELD = "resource_metadata";
    static final String TIMESTAMP = "timestamp";

    /** The {@code samples} collection: fields are stored under their query names. */
    static final FieldLayout SAMPLES = new FieldLayout(Map.of(), "resource_metadata", false);

    /**
     * The {@code resources} collection, also after {@code $unwind} of its {@code meters} (each document then holds
     * one meter): {@code resource_id} is {@code _id}, metadata is {@code metadata}, a meter's fields are under
     * {@code meters}, and {@code timestamp} is the range of the resource's samples.
     */
    static final FieldLayout RESOURCES = new FieldLayout(
            Map.of(
                    "resource_id", "_id",
                    "counter_name", "meters.counter_name",
                    "counter_type", "meters.counter_type",
                    "counter_unit", "meters.counter_unit"),
            "metadata",
            true);

    private final Map<String, String> renames;
    private final String metadataPrefix;
    private final boolean timestampIsRange;

    private FieldLayout(Map<String, String> renames, String metadataPrefix, boolean timestampIsRange) {
        this.renames = renames;
        this.metadataPrefix = metadataPrefix;
        this.timestampIsRange = timestampIsRange;
    }

    /** The stored paths the query field may be at: one, or several for a dotted metadata key. */
    List<String> paths(String field) {
        String key = metadataKey(field);
        return key != null ? MetadataPaths.of(metadataPrefix, key) : List.of(renames.getOrDefault(field, field));
    }

    /** The one stored path to sort or project on: the all-nested reading of a metadata key. */
    String path(String field) {
        return paths(field).get(0);
    }

    /** Whether {@code timestamp} conditions apply to the range [first_sample_timestamp, last_sample_timestamp]. */
    boolean timestampIsRange() {
        return timestampIsRange;
    }

    /** The metadata key path of a {@code resource_metadata.<key>} field, else null. */
    static String metadataKey(String field) {
        return field.startsWith(METADATA_FIELD + ".") ? field.substring(METADATA_FIELD.length() + 1) : null;
    }
}
