package io.meterhub.routes.api.query;

import java.util.List;
import java.util.Map;

/**
 * What a simple query may name on one endpoint: Ceilometer's valid keys are the arguments of the storage function the
 * endpoint calls ({@code validate_query} reads them with {@code inspect.getargspec}), after its translation of
 * {@code user_id}, {@code project_id}, {@code resource_id} to {@code user}, {@code project}, {@code resource}.
 */
public enum QueryTarget {
    /** {@code storage.SampleFilter}: samples, a meter's samples, statistics, v1 summaries. */
    SAMPLES(
            List.of("message_id", "meter", "project", "resource", "search_offset", "source", "timestamp", "user"),
            true),
    /** {@code Connection.get_meters}: no timestamps. */
    METERS(List.of("limit", "project", "resource", "source", "user"), false),
    /** {@code Connection.get_resources}. */
    RESOURCES(List.of("limit", "project", "resource", "search_offset", "source", "timestamp", "user"), true);

    /** Ceilometer's translation of the id fields to its storage arguments. */
    static final Map<String, String> TRANSLATION =
            Map.of("user_id", "user", "project_id", "project", "resource_id", "resource");

    /** The stored (sample) field of each storage argument. */
    static final Map<String, String> STORED = Map.of(
            "user", "user_id",
            "project", "project_id",
            "resource", "resource_id",
            "meter", "counter_name",
            "source", "source",
            "message_id", "message_id");

    private final List<String> validKeys;
    private final boolean timestamps;

    QueryTarget(List<String> validKeys, boolean timestamps) {
        this.validKeys = validKeys;
        this.timestamps = timestamps;
    }

    /** The valid keys, sorted as Ceilometer's error message lists them. */
    List<String> validKeys() {
        return validKeys;
    }

    boolean allowsTimestamps() {
        return timestamps;
    }
}
