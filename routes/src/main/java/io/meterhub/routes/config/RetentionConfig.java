package io.meterhub.routes.config;

import io.meterhub.store.retention.RetentionPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The retention policy as the {@code ttl-*} options configure it. */
public final class RetentionConfig {

    private RetentionConfig() {}

    public static RetentionPolicy policy(HubConfig config) {
        return new RetentionPolicy(
                config.get(HubOptions.TTL_SAMPLES),
                config.get(HubOptions.TTL_EVENTS),
                config.get(HubOptions.TTL_ROLLUPS),
                config.get(HubOptions.TTL_DEAD_LETTERS));
    }

    /** For the operator: {@code samples 30d, rollups 400d}, or {@code keep everything}. */
    public static String describe(RetentionPolicy p) {
        List<String> parts = new ArrayList<>();
        add(parts, "samples", p.samples());
        add(parts, "events", p.events());
        add(parts, "rollups", p.rollups());
        add(parts, "dead letters", p.deadLetters());
        return parts.isEmpty() ? "keep everything" : String.join(", ", parts);
    }

    private static void add(List<String> parts, String what, Optional<Duration> ttl) {
        ttl.ifPresent(d -> parts.add(what + " " + text(d)));
    }

    private static String text(Duration d) {
        if (d.toHours() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + "d";
        }
        return d.toString();
    }
}
