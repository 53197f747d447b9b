package io.meterhub.feeds;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The high-water mark of the feeds: every entry at or below it is durable and complete (its category postings
 * included), and no entry will ever be added at or below it. The writer raises it after each batch's durability
 * barrier; readers never show an entry above it, so a reader paging forward can never pass an entry whose commit is
 * still in flight.
 */
public final class CommittedSequence {

    private final AtomicLong value;

    public CommittedSequence(long initial) {
        this.value = new AtomicLong(initial);
    }

    /** The highest committed sequence number; 0 before the first entry. */
    public long get() {
        return value.get();
    }

    /** Raises the mark to {@code seq}; a lower value leaves it as it is. */
    public void raiseTo(long seq) {
        value.accumulateAndGet(seq, Math::max);
    }
}
