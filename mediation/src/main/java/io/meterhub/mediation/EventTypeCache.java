package io.meterhub.mediation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers what was worked out per event type (which definitions match it): a deployment has a few hundred event
 * types, so matching every definition's patterns once per type instead of once per notification is most of the
 * engine's speed. Bounded: past {@code capacity} distinct types (garbage input), results are computed, not kept.
 */
public final class EventTypeCache<T> {

    private final Map<String, T> cache = new ConcurrentHashMap<>();
    private final Function<String, T> compute;
    private final int capacity;

    public EventTypeCache(Function<String, T> compute, int capacity) {
        this.compute = compute;
        this.capacity = capacity;
    }

    public T get(String eventType) {
        T value = cache.get(eventType);
        if (value != null) {
            return value;
        }
        value = compute.apply(eventType);
        if (cache.size() < capacity) {
            cache.putIfAbsent(eventType, value);
        }
        return value;
    }
}
