package io.meterhub.feeds.read;

import io.meterhub.feeds.index.Postings;
import io.meterhub.feeds.search.Search;
import java.util.Map;

/** Evaluates a search on one block: the bitmap of the block's sequence numbers the search matches. */
final class SearchEvaluator {

    private SearchEvaluator() {}

    /** @param bitmaps postings of the search's normalized terms, keyed by {@link Postings#key} */
    static long[] evaluate(Search search, long block, Map<String, long[]> bitmaps) {
        if (search instanceof Search.Category c) {
            long[] bits = bitmaps.get(Postings.key(Postings.normalize(c.term()), block));
            return bits == null ? new long[Postings.WORDS] : bits.clone();
        }
        if (search instanceof Search.And a) {
            long[] out = evaluate(a.parts().get(0), block, bitmaps);
            for (int i = 1; i < a.parts().size(); i++) {
                long[] other = evaluate(a.parts().get(i), block, bitmaps);
                for (int w = 0; w < Postings.WORDS; w++) {
                    out[w] &= other[w];
                }
            }
            return out;
        }
        if (search instanceof Search.Or o) {
            long[] out = new long[Postings.WORDS];
            for (Search part : o.parts()) {
                long[] other = evaluate(part, block, bitmaps);
                for (int w = 0; w < Postings.WORDS; w++) {
                    out[w] |= other[w];
                }
            }
            return out;
        }
        long[] out = evaluate(((Search.Not) search).part(), block, bitmaps);
        for (int w = 0; w < Postings.WORDS; w++) {
            out[w] = ~out[w];
        }
        return out;
    }
}
