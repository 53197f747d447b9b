package io.meterhub.feeds.write;

import io.meterhub.model.Translation;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notification entries made ahead of their batch, on the threads that submit the notifications: rendering an
 * entry's JSON content is most of the feeds' work per notification, and there it runs on several threads instead of
 * the one store writer. An entry is taken once, and only for the very translation it was made from; anything not
 * found (a batch written again, a redelivery submitted twice) is made again by the writer.
 */
final class PreparedEntries {

    private record Prepared(Translation translation, NewEntry entry) {}

    /** Bounds what notifications that never reach the writer (it stopped) can leave behind. */
    private static final int MAX = 100_000;

    private final ConcurrentHashMap<String, Prepared> entries = new ConcurrentHashMap<>();

    void put(Translation t, NewEntry entry) {
        if (entries.size() < MAX) {
            entries.put(t.source().messageId(), new Prepared(t, entry));
        }
    }

    /** The entry made from {@code t}, removed; null when there is none. */
    NewEntry take(Translation t) {
        String id = t.source().messageId();
        Prepared p = entries.get(id);
        if (p == null || p.translation() != t) {
            return null;
        }
        entries.remove(id, p);
        return p.entry();
    }

    int size() {
        return entries.size();
    }
}
