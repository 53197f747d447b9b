package io.meterhub.mediation.meter;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.model.Notification;
import io.meterhub.model.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Computes a sample's volume from a notification. */
@FunctionalInterface
public interface VolumeExtractor {

    /** The volume, or null when the notification does not carry one. */
    Number volume(Notification notification);

    /** The number at {@code path}; numeric strings are read as numbers, as Ceilometer's float() would. */
    static VolumeExtractor field(String path) {
        FieldPath p = FieldPath.parse(path);
        return n -> {
            JsonNode v = p.find(n);
            if (v.isNumber()) {
                return v.numberValue();
            }
            if (v.isTextual()) {
                try {
                    return Double.valueOf(v.textValue().trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        };
    }

    /** Ceilometer's {@code timedelta} plugin: the absolute number of seconds between two timestamps. */
    static VolumeExtractor timedelta(String startPath, String endPath) {
        FieldPath start = FieldPath.parse(startPath);
        FieldPath end = FieldPath.parse(endPath);
        return n -> {
            Optional<Instant> s = Timestamps.parse(start.text(n));
            Optional<Instant> e = Timestamps.parse(end.text(n));
            if (s.isEmpty() || e.isEmpty()) {
                return null;
            }
            Duration d = Duration.between(s.get(), e.get()).abs();
            return d.getSeconds() + d.getNano() / 1e9;
        };
    }
}
