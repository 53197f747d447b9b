package io.meterhub.feeds.read;

import io.meterhub.feeds.CategoryTerms;
import io.meterhub.feeds.search.Search;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Reads one page: the entries strictly after (forward) or before (backward) a position, up to the committed
 * high-water mark, taking candidates from the postings of the feed's category, the search and the caller's project
 * (or every sequence number, for the unfiltered feed of all notifications) and fetching their entries by {@code _id}.
 */
final class PageReader {

    private static final int LAST_SUB = Integer.MAX_VALUE;

    private final EntryStore store;
    private final PostingsReader postings;
    private final TimeIndex times;

    PageReader(EntryStore store, PostingsReader postings) {
        this.store = store;
        this.postings = postings;
        this.times = new TimeIndex(store);
    }

    FeedPage read(FeedQuery q, long committed) {
        Search filter = filter(q);
        boolean forward = q.direction() == Direction.FORWARD;
        Position marker = marker(q, committed);
        List<FeedEntry> found = collect(q, filter, marker, q.direction(), committed, q.limit() + 1);
        boolean olderExist;
        if (!forward) {
            olderExist = found.size() > q.limit();
        } else {
            Position oldest = found.isEmpty() ? marker : found.get(0).position();
            olderExist = !collect(q, filter, oldest, Direction.BACKWARD, committed, 1)
                    .isEmpty();
        }
        List<FeedEntry> page = new ArrayList<>(found.subList(0, Math.min(q.limit(), found.size())));
        if (forward) {
            Collections.reverse(page);
        }
        return new FeedPage(q, page, olderExist, committed);
    }

    /** The feed's category, the search and the caller's project, all at once; null for none. */
    private static Search filter(FeedQuery q) {
        Search s = Search.and(q.feed().category().orElse(null), q.search().orElse(null));
        return Search.and(
                s,
                q.project()
                        .<Search>map(p -> new Search.Category(CategoryTerms.PROJECT + p))
                        .orElse(null));
    }

    /** The position the page goes from, exclusive. */
    private Position marker(FeedQuery q, long committed) {
        boolean forward = q.direction() == Direction.FORWARD;
        if (q.start() instanceof FeedQuery.Marker m) {
            return m.position();
        }
        if (q.start() instanceof FeedQuery.StartingAt at) {
            long s = times.firstAtOrAfter(at.time(), !forward, committed);
            return forward ? new Position(s - 1, LAST_SUB) : new Position(s, 0);
        }
        return forward ? new Position(0, LAST_SUB) : new Position(committed + 1, 0);
    }

    private List<FeedEntry> collect(
            FeedQuery q, Search filter, Position marker, Direction direction, long committed, int want) {
        boolean forward = direction == Direction.FORWARD;
        long from = forward ? Math.max(1, marker.seq()) : Math.min(committed, marker.seq());
        long to = forward ? committed : 1;
        SeqSource candidates = filter == null
                ? new RangeSeqs(from, to, direction)
                : new PostingsSeqs(filter, postings, from, to, direction);
        List<FeedEntry> found = new ArrayList<>(want);
        while (found.size() < want) {
            long[] seqs = candidates.next(Math.max(8, want - found.size()));
            if (seqs.length == 0) {
                break;
            }
            Map<Long, Document> docs = store.bySeq(seqs);
            for (int i = 0; i < seqs.length && found.size() < want; i++) {
                Document doc = docs.get(seqs[i]);
                if (doc == null) {
                    continue; // a gap: a sequence number a failed write never used
                }
                List<FeedEntry> entries = new ArrayList<>(EntryExpander.expand(doc, q.feed(), q.project()));
                if (!forward) {
                    Collections.reverse(entries);
                }
                for (FeedEntry e : entries) {
                    int c = e.position().compareTo(marker);
                    if ((forward ? c > 0 : c < 0) && found.size() < want) {
                        found.add(e);
                    }
                }
            }
        }
        return found;
    }
}
