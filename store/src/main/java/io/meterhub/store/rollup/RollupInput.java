package io.meterhub.store.rollup;

import io.meterhub.model.Sample;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * What rollups need of one sample. Built from a {@link Sample} on the ingest path and from a stored sample document
 * when a batch is recovered, so that both fold the same values.
 *
 * @param volume the sample's volume, kept as the samples collection stores it: a {@link Long} for an integral volume,
 *     else a {@link Double}; null when the sample has none
 */
public record RollupInput(
        String meter,
        String unit,
        Number volume,
        Instant timestamp,
        String resourceId,
        String projectId,
        String userId,
        String source) {

    public RollupInput {
        volume = stored(volume);
    }

    public static RollupInput of(Sample s) {
        return new RollupInput(
                s.name(), s.unit(), s.volume(), s.timestamp(), s.resourceId(), s.projectId(), s.userId(), s.source());
    }

    /** From a document of the {@code samples} collection (see {@link io.meterhub.store.DocumentMapper#sample}). */
    public static RollupInput of(Document d) {
        String iso = d.getString("timestamp_iso");
        Instant t = iso != null
                ? Instant.parse(iso)
                : d.get("timestamp", Date.class).toInstant();
        return new RollupInput(
                d.getString("counter_name"),
                d.getString("counter_unit"),
                (Number) d.get("counter_volume"),
                t,
                d.getString("resource_id"),
                d.getString("project_id"),
                d.getString("user_id"),
                d.getString("source"));
    }

    /** The volume as the samples collection stores it: integral types as a long, others as a double. */
    private static Number stored(Number n) {
        if (n == null) {
            return null;
        }
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                ? (Number) n.longValue()
                : (Number) n.doubleValue();
    }
}
