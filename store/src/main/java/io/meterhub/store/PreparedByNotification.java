package io.meterhub.store;

import io.meterhub.model.Translation;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a {@link BatchStore#prepare} made of a notification ahead of its batch, on the thread that submitted it,
 * until the batch's writer takes it. Taken once, and only for the very translation it was made from; anything not
 * found (a batch written again, a redelivery submitted twice, a notification prepared elsewhere) the writer makes
 * itself.
 *
 * @param <T> what is prepared
 */
public final class PreparedByNotification<T> {

    private record Made<T>(Translation translation, T value) {}

    /** Bounds what notifications that never reach the writer (it stopped) can leave behind. */
    private static final int MAX = 100_000;

    private final ConcurrentHashMap<String, Made<T>> made = new ConcurrentHashMap<>();

    public void put(Translation t, T value) {
        if (made.size() < MAX) {
            made.put(t.source().messageId(), new Made<>(t, value));
        }
    }

    /** What was made from {@code t}, removed; null when there is none. */
    public T take(Translation t) {
        String id = t.source().messageId();
        Made<T> m = made.get(id);
        if (m == null || m.translation() != t) {
            return null;
        }
        made.remove(id, m);
        return m.value();
    }

    /** Made and not yet taken. */
    public int size() {
        return made.size();
    }
}
