package io.meterhub.routes.push;

import io.meterhub.feeds.atom.AtomRenderer;
import io.meterhub.feeds.read.FeedEntry;
import io.meterhub.feeds.read.FeedPage;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Posts entries one by one, in order, as Atom entry documents to an AtomPub collection (an Atom Hopper feed, as Yagi's
 * AtomPub handler does): 201 (or another 2xx) is delivered, 409 means the server has the entry already — delivered
 * too; anything else stops at that entry.
 */
public final class AtomPubDelivery implements Delivery {

    private final HttpPost http;
    private final URI target;
    private final String feedUrl;

    /** @param feedUrl the hub's URL of the feed pushed, the base of the entries' self links */
    public AtomPubDelivery(HttpPost http, URI target, String feedUrl) {
        this.http = http;
        this.target = target;
        this.feedUrl = feedUrl;
    }

    @Override
    public int deliver(FeedPage page, List<FeedEntry> oldestFirst) {
        int n = 0;
        for (FeedEntry e : oldestFirst) {
            int status =
                    http.post(target, AtomRenderer.ENTRY_TYPE, HttpPost.utf8(AtomRenderer.entry(e, feedUrl)), Map.of());
            if (!(status / 100 == 2 || status == 409)) {
                break;
            }
            n++;
        }
        return n;
    }

    @Override
    public String describe() {
        return "AtomPub target " + target;
    }
}
