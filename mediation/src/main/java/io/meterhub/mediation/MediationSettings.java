package io.meterhub.mediation;

import io.meterhub.mediation.meter.UserMetadata;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the translation engine is built from.
 *
 * @param meters a meters.yaml file or a directory of them; empty for the shipped default
 * @param events an event_definitions.yaml file; empty for the shipped default
 * @param dropUnmatched no event for a notification no event definition matches (Ceilometer's
 *     {@code drop_unmatched_notifications})
 * @param secret Ceilometer's {@code telemetry_secret}: when present, polling samples must carry its signature
 * @param userMetadata the reserved user-metadata rules (Ceilometer's {@code reserved_metadata_*})
 * @param agentKeys the registered agents' Ed25519 public keys by key id: when any, polling samples must carry a valid
 *     Ed25519 signature of one of them
 */
public record MediationSettings(
        Optional<Path> meters,
        Optional<Path> events,
        boolean dropUnmatched,
        Optional<String> secret,
        UserMetadata userMetadata,
        Map<String, PublicKey> agentKeys) {

    public MediationSettings {
        agentKeys = Map.copyOf(agentKeys);
        Objects.requireNonNull(meters, "meters");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(userMetadata, "userMetadata");
    }

    /** The shipped definitions, unmatched notifications kept, no secret. */
    public static MediationSettings defaults() {
        return new MediationSettings(
                Optional.empty(), Optional.empty(), false, Optional.empty(), UserMetadata.DEFAULTS, Map.of());
    }
}
