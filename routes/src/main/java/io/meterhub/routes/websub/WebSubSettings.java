package io.meterhub.routes.websub;

import java.time.Duration;

/**
 * The hub's lease rules.
 *
 * @param defaultLease the lease of a subscription that asks for none
 * @param maxLease the longest lease granted; a longer request gets this
 */
public record WebSubSettings(Duration defaultLease, Duration maxLease) {}
