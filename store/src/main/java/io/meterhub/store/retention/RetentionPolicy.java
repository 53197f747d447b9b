package io.meterhub.store.retention;

import java.time.Duration;
import java.util.Optional;

/**
 * How long the hub keeps each kind of document; an empty time-to-live keeps it forever.
 *
 * @param samples samples by their timestamp; a resource goes when its last sample is older
 * @param events events by their generation time
 * @param rollups rollup days that ended longer ago than this, and a meter's all-time rollup once its last sample is
 *     older; usually longer than {@code samples}, so that statistics outlive the samples they summarise
 * @param deadLetters dead letters by the time they were received
 */
public record RetentionPolicy(
        Optional<Duration> samples,
        Optional<Duration> events,
        Optional<Duration> rollups,
        Optional<Duration> deadLetters) {

    public static final RetentionPolicy KEEP_EVERYTHING =
            new RetentionPolicy(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public boolean keepsEverything() {
        return samples.isEmpty() && events.isEmpty() && rollups.isEmpty() && deadLetters.isEmpty();
    }
}
