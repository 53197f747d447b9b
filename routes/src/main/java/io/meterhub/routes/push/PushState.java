package io.meterhub.routes.push;

import io.meterhub.feeds.read.Position;
import java.time.Instant;
import java.util.Optional;

/**
 * The durable part of a pusher: the position of the last entry the receiver acknowledged, and how long it has been
 * failing.
 *
 * @param failures failed deliveries in a row
 * @param failingSince when the first of them failed; empty while the receiver acknowledges
 * @param nextAttempt no delivery before this time
 */
public record PushState(Position cursor, int failures, Optional<Instant> failingSince, Instant nextAttempt) {

    /** A pusher that starts after {@code cursor} at once. */
    public static PushState startingAfter(Position cursor) {
        return new PushState(cursor, 0, Optional.empty(), Instant.EPOCH);
    }

    PushState acknowledged(Position newCursor) {
        return new PushState(newCursor, failures, failingSince, nextAttempt);
    }

    PushState succeeded() {
        return new PushState(cursor, 0, Optional.empty(), Instant.EPOCH);
    }

    PushState failed(Instant now, Backoff backoff) {
        int n = failures + 1;
        return new PushState(cursor, n, Optional.of(failingSince.orElse(now)), now.plus(backoff.delay(n)));
    }
}
