package io.meterhub.routes.feeds;

import io.meterhub.feeds.atom.AtomRenderer;
import io.meterhub.feeds.atom.Link;
import io.meterhub.feeds.atom.PageETag;
import io.meterhub.feeds.atom.PageLinks;
import io.meterhub.feeds.read.Feed;
import io.meterhub.feeds.read.FeedPage;
import io.meterhub.feeds.read.FeedSource;
import io.meterhub.feeds.read.PageParameters;
import io.meterhub.routes.api.ApiException;
import io.meterhub.routes.api.auth.Caller;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET} of a feed page or an entry: read through the {@link FeedSource} within the caller's project, rendered
 * as Atom. A page carries an {@code ETag}; a request whose {@code If-None-Match} names it gets 304 and no body.
 */
final class FeedReading {

    static final String FEED_CONTENT_TYPE = AtomRenderer.FEED_TYPE + ";charset=utf-8";
    static final String ENTRY_CONTENT_TYPE = AtomRenderer.ENTRY_TYPE + ";charset=utf-8";

    private final FeedSource source;

    FeedReading(FeedSource source) {
        this.source = source;
    }

    /**
     * @param hubUrl the WebSub hub, linked as {@code rel="hub"} besides the RFC 5005 links
     * @throws io.meterhub.feeds.read.BadFeedRequestException for a bad parameter
     */
    FeedResponse page(Feed feed, String feedUrl, String hubUrl, String rawQuery, Caller caller, String ifNoneMatch) {
        FeedPage page = source.page(PageParameters.parse(feed, rawQuery, caller.limitedToProject()));
        List<Link> links = new ArrayList<>(PageLinks.of(page, feedUrl));
        links.add(new Link("hub", hubUrl));
        String etag = PageETag.of(page, links);
        if (PageETag.matches(ifNoneMatch, etag)) {
            return FeedResponse.notModified(etag);
        }
        String xml = AtomRenderer.page(page, feedUrl, "meterhub " + feed.path(), links);
        return new FeedResponse(200, FEED_CONTENT_TYPE, xml.getBytes(StandardCharsets.UTF_8), Map.of("ETag", etag));
    }

    FeedResponse entry(Feed feed, String feedUrl, String id, Caller caller) {
        return source.entry(feed, id, caller.limitedToProject())
                .map(e -> new FeedResponse(
                        200,
                        ENTRY_CONTENT_TYPE,
                        AtomRenderer.entry(e, feedUrl).getBytes(StandardCharsets.UTF_8),
                        Map.of()))
                .orElseThrow(() -> ApiException.notFound("Entry", id));
    }
}
