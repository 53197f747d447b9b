package io.meterhub.routes.api;

import io.meterhub.routes.api.auth.TokenValidator;
import java.time.Clock;
import java.util.Optional;

/**
 * What the API needs besides the store.
 *
 * @param defaultLimit results of a list without {@code limit} (option {@code api-limit})
 * @param secret the telemetry secret posted samples are signed with on their way through the pipeline
 * @param productionReady whether the store is a real MongoDB (reported by {@code /v2/capabilities})
 */
public record ApiSettings(
        TokenValidator tokens, int defaultLimit, Optional<String> secret, boolean productionReady, Clock clock) {}
