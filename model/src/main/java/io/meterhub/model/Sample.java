package io.meterhub.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A Ceilometer sample, with the field names of Ceilometer's meter message
 * ({@code ceilometer.publisher.utils.meter_message_from_counter}).
 *
 * @param messageId the sample's own id; meterhub derives it deterministically from the notification so that a
 *     redelivered notification yields the same id
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Sample(
        @JsonProperty("source") String source,
        @JsonProperty("counter_name") String name,
        @JsonProperty("counter_type") SampleType type,
        @JsonProperty("counter_unit") String unit,
        @JsonProperty("counter_volume") Number volume,
        @JsonProperty("user_id") String userId,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("resource_id") String resourceId,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("resource_metadata") ObjectNode resourceMetadata,
        @JsonProperty("message_id") String messageId) {

    /** Ceilometer's default {@code sample_source}. */
    public static final String DEFAULT_SOURCE = "openstack";

    public Sample {
        Objects.requireNonNull(name, "counter_name");
        Objects.requireNonNull(type, "counter_type");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(messageId, "message_id");
    }
}
