package io.meterhub.feeds.read;

/** Every sequence number from {@code from} towards {@code to} (inclusive), for a feed without a category. */
final class RangeSeqs implements SeqSource {

    private final boolean forward;
    private final long to;
    private long cursor;

    RangeSeqs(long from, long to, Direction direction) {
        this.forward = direction == Direction.FORWARD;
        this.cursor = from;
        this.to = to;
    }

    @Override
    public long[] next(int want) {
        long left = forward ? to - cursor + 1 : cursor - to + 1;
        int n = (int) Math.max(0, Math.min(want, left));
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = forward ? cursor++ : cursor--;
        }
        return out;
    }
}
