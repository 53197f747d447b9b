package io.meterhub.bench;

import io.meterhub.model.Json;
import io.meterhub.model.Sample;
import io.meterhub.model.SampleType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A polling agent's samples, made up but shaped like real ones: {@code cpu_util} (%) of {@code resources} instances,
 * one sample every 10 minutes for {@code days} days from {@code start}, spread over 20 projects and 100 users, each
 * instance polled at its own second within the 10 minutes. Deterministic: the same arguments give the same samples.
 */
record SyntheticUsage(int resources, int days, Instant start) {

    static final String METER = "cpu_util";
    static final int PER_DAY = 144;
    static final int PROJECTS = 20;
    static final int USERS = 100;
    private static final Duration EVERY = Duration.ofMinutes(10);

    /** Enough instances for about {@code samples} samples over {@code days} days. */
    static SyntheticUsage ofSize(long samples, int days, Instant start) {
        return new SyntheticUsage((int) Math.max(1, Math.round(samples / (double) (days * PER_DAY))), days, start);
    }

    long size() {
        return (long) resources * days * PER_DAY;
    }

    static String resource(int r) {
        return String.format(Locale.ROOT, "instance-%05d", r);
    }

    static String project(int r) {
        return String.format(Locale.ROOT, "project-%02d", r % PROJECTS);
    }

    static String user(int r) {
        return String.format(Locale.ROOT, "user-%03d", r % USERS);
    }

    /** The samples of one day, instance by instance. */
    List<Sample> day(int d) {
        List<Sample> out = new ArrayList<>(resources * PER_DAY);
        Instant day = start.plus(Duration.ofDays(d));
        for (int r = 0; r < resources; r++) {
            for (int k = 0; k < PER_DAY; k++) {
                Instant t = day.plus(EVERY.multipliedBy(k)).plusSeconds(r % 600).plusNanos((r * 7919L % 1000) * 1000);
                double volume = ((r * 31L + k * 7L + d * 13L) % 1000) / 10.0;
                out.add(new Sample(
                        "openstack",
                        METER,
                        SampleType.GAUGE,
                        "%",
                        volume,
                        user(r),
                        project(r),
                        resource(r),
                        t,
                        Json.mapper().createObjectNode(),
                        "s-" + r + "-" + d + "-" + k));
            }
        }
        return out;
    }
}
