package io.meterhub.store.query;

import io.meterhub.model.Sample;
import java.time.Instant;
import java.util.Objects;

/**
 * A sample as the store returns it: the sample and when the hub stored it (Ceilometer's {@code recorded_at}).
 *
 * @param recordedAt when the hub wrote the sample; null for documents stored without it
 */
public record StoredSample(Sample sample, Instant recordedAt) {

    public StoredSample {
        Objects.requireNonNull(sample, "sample");
    }
}
