package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields a sample is compared on, in {@link Canonical} form: numbers numerically, the timestamp as an instant.
 * The sample's own id ({@code message_id}) and {@code source} are not compared; resource_metadata separately.
 */
record SampleKey(
        String notificationId,
        Object name,
        Object type,
        Object unit,
        Object volume,
        Object resourceId,
        Object projectId,
        Object userId,
        Object timestamp) {

    static SampleKey of(JsonNode line) {
        return new SampleKey(
                ResultLines.notificationId(line),
                Canonical.value(line.get("counter_name")),
                Canonical.value(line.get("counter_type")),
                Canonical.value(line.get("counter_unit")),
                Canonical.value(line.get("counter_volume")),
                Canonical.value(line.get("resource_id")),
                Canonical.value(line.get("project_id")),
                Canonical.value(line.get("user_id")),
                Canonical.instant(line.get("timestamp")));
    }

    /** The fields in which {@code other} differs from this, as {@code field: this -> other}. */
    String changesTo(SampleKey other) {
        StringBuilder b = new StringBuilder();
        change(b, "counter_type", type, other.type);
        change(b, "counter_unit", unit, other.unit);
        change(b, "counter_volume", volume, other.volume);
        change(b, "resource_id", resourceId, other.resourceId);
        change(b, "project_id", projectId, other.projectId);
        change(b, "user_id", userId, other.userId);
        change(b, "timestamp", timestamp, other.timestamp);
        return b.toString();
    }

    private static void change(StringBuilder b, String field, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            b.append(b.isEmpty() ? "" : ", ")
                    .append(field)
                    .append(": ")
                    .append(Canonical.show(expected))
                    .append(" -> ")
                    .append(Canonical.show(actual));
        }
    }

    @Override
    public String toString() {
        return Canonical.show(name) + " " + Canonical.show(type) + " " + Canonical.show(unit) + " volume="
                + Canonical.show(volume) + " resource=" + Canonical.show(resourceId) + " project="
                + Canonical.show(projectId) + " user=" + Canonical.show(userId) + " at " + Canonical.show(timestamp);
    }
}
