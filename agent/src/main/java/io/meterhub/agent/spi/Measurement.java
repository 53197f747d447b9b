package io.meterhub.agent.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.model.SampleType;
import java.util.Objects;

/**
 * One value a {@link Pollster} measured, with Ceilometer's sample fields except those the agent sets (timestamp,
 * message id, source, signature).
 *
 * @param name the meter name, e.g. {@code cpu}
 * @param type gauge, delta or cumulative
 * @param unit e.g. {@code ns}, {@code MB}, {@code B}
 * @param volume the value; an int or long stays an integer on the wire, a double a float (Ceilometer signs them
 *     differently)
 * @param userId the owning user, or null
 * @param projectId the owning project, or null
 * @param resourceId what was measured, e.g. an instance UUID; never null
 * @param metadata the resource metadata, a JSON object (copied into the message as is)
 */
public record Measurement(
        String name,
        SampleType type,
        String unit,
        Number volume,
        String userId,
        String projectId,
        String resourceId,
        ObjectNode metadata) {

    public Measurement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(resourceId, "resourceId");
        metadata = metadata == null ? Json.mapper().createObjectNode() : metadata;
    }

    /** A measurement of a resource without owner (a host, a device): user and project null. */
    public static Measurement of(
            String name, SampleType type, String unit, Number volume, String resourceId, ObjectNode metadata) {
        return new Measurement(name, type, unit, volume, null, null, resourceId, metadata);
    }
}
