package io.meterhub.routes.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers token validations (valid or not) for a short time, so that the identity service is asked once per token
 * and period, not once per request. Bounded: when full, it starts afresh.
 */
final class ValidationCache {

    private record Entry(Optional<Caller> caller, Instant expires) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final int capacity;
    private final Clock clock;

    ValidationCache(Duration ttl, int capacity, Clock clock) {
        this.ttl = ttl;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** The remembered result, or null when none is remembered any more. */
    Optional<Caller> get(String token) {
        Entry e = entries.get(token);
        if (e == null) {
            return null;
        }
        if (!clock.instant().isBefore(e.expires())) {
            entries.remove(token, e);
            return null;
        }
        return e.caller();
    }

    /** Remembers {@code caller} for the cache time, and never past {@code notAfter} (the token's own expiry). */
    void put(String token, Optional<Caller> caller, Instant notAfter) {
        if (ttl.isZero()) {
            return;
        }
        Instant expires = clock.instant().plus(ttl);
        if (notAfter != null && notAfter.isBefore(expires)) {
            expires = notAfter;
        }
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(token, new Entry(caller, expires));
    }
}
