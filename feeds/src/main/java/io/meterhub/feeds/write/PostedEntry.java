package io.meterhub.feeds.write;

import io.meterhub.store.ContributorItem;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An entry an integrator posted to a feed (AtomPub), on its way through the store writer. Submit it with {@link
 * io.meterhub.store.BatchingWriter#submit(ContributorItem)}; once that future completes, {@link #outcome()} says
 * whether it was stored or its id was taken.
 *
 * @param entryId the entry's Atom id
 * @param eventType the event type it is filed under (the feed it was posted to, or its title)
 * @param title its title
 * @param contentType its content's media type, e.g. {@code application/json} or {@code application/xml}
 * @param content its content as text (XML content serialized)
 * @param categories its own category terms
 * @param project the project it belongs to, if any
 * @param published its own {@code published} time, if it gave one
 */
public record PostedEntry(
        String entryId,
        String eventType,
        String title,
        String contentType,
        String content,
        List<String> categories,
        Optional<String> project,
        Optional<Instant> published,
        String nonce,
        Outcome outcome)
        implements ContributorItem {

    /** What became of a posted entry: stored under a sequence number, or refused as a duplicate id. */
    public static final class Outcome {
        private volatile Long storedAs;
        private volatile boolean duplicate;

        void stored(long seq) {
            storedAs = seq;
        }

        void duplicate() {
            duplicate = true;
        }

        /** The sequence number it was stored under; empty when it was a duplicate or is not written yet. */
        public Optional<Long> storedAs() {
            return Optional.ofNullable(storedAs);
        }

        /** Whether its id was already taken (by a notification's entry or another posted entry). */
        public boolean isDuplicate() {
            return duplicate;
        }
    }

    public PostedEntry {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(eventType, "eventType");
        categories = List.copyOf(categories);
    }

    public static PostedEntry of(
            String entryId,
            String eventType,
            String title,
            String contentType,
            String content,
            List<String> categories,
            Optional<String> project,
            Optional<Instant> published) {
        return new PostedEntry(
                entryId,
                eventType,
                title,
                contentType,
                content,
                categories,
                project,
                published,
                UUID.randomUUID().toString(),
                new Outcome());
    }

    @Override
    public String id() {
        return entryId;
    }
}
