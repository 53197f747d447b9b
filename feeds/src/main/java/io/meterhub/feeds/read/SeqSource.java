package io.meterhub.feeds.read;

/**
 * Candidate sequence numbers for a page, in the page's direction, within the bounds it was made for. A candidate may
 * have no entry (a gap left by a failed write) or give the feed no entry; the page reader skips those.
 */
interface SeqSource {

    /** Up to about {@code want} further candidates (more is allowed); an empty array when there are none. */
    long[] next(int want);
}
