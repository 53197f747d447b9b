package io.meterhub.store.query;

/**
 * One entry of Ceilometer's {@code GET /v2/meters}: a meter seen on a resource, with the resource's owner and
 * source (Ceilometer's {@code storage.models.Meter}, without the {@code meter_id}, which the API layer derives).
 *
 * @param type {@code gauge}, {@code delta} or {@code cumulative}
 */
public record MeterSummary(
        String name, String type, String unit, String resourceId, String projectId, String userId, String source) {}
