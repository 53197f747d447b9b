package io.meterhub.feeds.read;

import io.meterhub.feeds.index.Postings;
import io.meterhub.feeds.search.Search;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sequence numbers a category search matches, from {@code from} towards {@code to} (inclusive), read block by
 * block from the postings. It reads one block first and then ever more at once (up to {@value #MAX_WINDOW} blocks
 * per query), so a dense category costs one query per page and a rare one a few queries over the whole history.
 */
final class PostingsSeqs implements SeqSource {

    static final int MAX_WINDOW = 64;

    private final Search search;
    private final Set<String> terms = new TreeSet<>();
    private final PostingsReader reader;
    private final boolean forward;
    private final long from;
    private final long to;
    private final long lastBlock;
    private long nextBlock;
    private int window = 1;
    private final SeqBuffer buffer = new SeqBuffer();

    PostingsSeqs(Search search, PostingsReader reader, long from, long to, Direction direction) {
        this.search = search;
        search.terms().forEach(t -> terms.add(Postings.normalize(t)));
        this.reader = reader;
        this.forward = direction == Direction.FORWARD;
        this.from = from;
        this.to = to;
        this.nextBlock = Postings.block(from);
        this.lastBlock = Postings.block(to);
    }

    @Override
    public long[] next(int want) {
        while (buffer.size() < want && !exhausted()) {
            load(want - buffer.size());
        }
        return buffer.take(want);
    }

    /** Evaluates the next window of blocks; widens the window when it gave fewer candidates than wanted. */
    private void load(int wanted) {
        long first = nextBlock;
        long last = forward ? Math.min(lastBlock, first + window - 1) : Math.max(lastBlock, first - window + 1);
        Map<String, long[]> bitmaps = reader.read(terms, Math.min(first, last), Math.max(first, last));
        int before = buffer.size();
        for (long b = first; forward ? b <= last : b >= last; b += forward ? 1 : -1) {
            emit(SearchEvaluator.evaluate(search, b, bitmaps), b);
        }
        nextBlock = forward ? last + 1 : last - 1;
        if (buffer.size() - before < wanted) {
            window = Math.min(MAX_WINDOW, window * 4);
        }
    }

    private boolean exhausted() {
        if (forward ? from > to : from < to) {
            return true; // an empty range
        }
        return forward ? nextBlock > lastBlock : nextBlock < lastBlock;
    }

    private void emit(long[] words, long block) {
        long base = Postings.firstOf(block);
        long lo = Math.min(from, to);
        long hi = Math.max(from, to);
        for (int k = 0; k < Postings.WORDS; k++) {
            int w = forward ? k : Postings.WORDS - 1 - k;
            long bits = words[w];
            while (bits != 0) {
                int bit = forward ? Long.numberOfTrailingZeros(bits) : 63 - Long.numberOfLeadingZeros(bits);
                bits &= ~(1L << bit);
                long seq = base + w * 64L + bit;
                if (seq >= lo && seq <= hi) {
                    buffer.add(seq);
                }
            }
        }
    }

    /** Candidates evaluated but not handed out yet, in order. */
    private static final class SeqBuffer {
        private long[] values = new long[64];
        private int head;
        private int tail;

        void add(long v) {
            if (tail == values.length) {
                int live = tail - head;
                long[] bigger = live * 2 > values.length ? new long[values.length * 2] : values;
                System.arraycopy(values, head, bigger, 0, live);
                values = bigger;
                head = 0;
                tail = live;
            }
            values[tail++] = v;
        }

        int size() {
            return tail - head;
        }

        long[] take(int n) {
            int k = Math.min(n, size());
            long[] out = Arrays.copyOfRange(values, head, head + k);
            head += k;
            return out;
        }
    }
}
