package io.meterhub.agent.config;

import java.time.Duration;
import java.util.Objects;

/**
 * One source of a polling.yaml: which meters, how often.
 *
 * @param name the source's name (unique in the file)
 * @param interval the polling interval, positive
 * @param meters the meter names and patterns it selects
 */
public record PollingSource(String name, Duration interval, MeterSelection meters) {

    public PollingSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(meters, "meters");
        if (interval == null || interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("Interval value should > 0");
        }
    }
}
