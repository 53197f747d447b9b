package io.meterhub.store.embedded;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The encoded bytes of values, by identity, for as long as the value itself is reachable.
 *
 * <p>H2 pages hold decoded values and write a page whole whenever one of its values changes: one unique-index key
 * inserted at a random place makes the commit write every key of its leaf (up to 48) again. Re-encoding them was
 * most of the commit's time; with this a key is encoded once, when first written (or never, when it was read from
 * the file), and a page rewrite copies bytes. That holds because no value changes once H2 holds it: index keys never
 * do (a changed key would break the B-tree itself). {@link BsonDocumentType} uses it for the same reason for a
 * decoded document it writes (a collection filled under {@code _id} keys stores those).
 */
final class EncodedForms {

    private final ConcurrentHashMap<Object, byte[]> bytes = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    /** The bytes recorded for this very value, or null. */
    byte[] get(Object value) {
        return bytes.get(new Probe(value));
    }

    void put(Object value, byte[] encoded) {
        expunge();
        bytes.put(new Held(value, collected), encoded);
    }

    /** Values recorded and not yet found collected. */
    int size() {
        return bytes.size();
    }

    private void expunge() {
        Reference<?> gone;
        while ((gone = collected.poll()) != null) {
            bytes.remove(gone);
        }
    }

    /** The key while its value lives: equal to a {@link Probe} or {@link Held} of the same instance. */
    private static final class Held extends WeakReference<Object> {
        private final int hash;

        Held(Object value, ReferenceQueue<Object> queue) {
            super(value, queue);
            this.hash = System.identityHashCode(value);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (other == this) {
                return true;
            }
            Object mine = get();
            return mine != null && other instanceof Held held && held.get() == mine;
        }
    }

    /** A lookup key for one instance; the map compares it against stored keys with this equals. */
    private record Probe(Object value) {
        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Held held && held.get() == value || other instanceof Probe p && p.value == value;
        }
    }
}
