package io.meterhub.routes.feeds;

import io.meterhub.feeds.atom.AtomEntryReader;
import io.meterhub.feeds.read.FeedSource;
import io.meterhub.routes.api.auth.CallerAuthentication;
import io.meterhub.routes.api.auth.TokenValidator;
import io.meterhub.store.BatchingWriter;
import org.apache.camel.builder.RouteBuilder;

/**
 * The ATOM feeds on platform-http: one route, {@code http-feeds}, taking every {@code GET} and {@code POST} below
 * {@code /feeds} to a {@link FeedEndpoint}.
 */
public final class FeedRoutes extends RouteBuilder {

    /** Where the feeds are served. */
    public static final String PATH = "/" + FeedPath.ROOT;
    /** Where the WebSub hub is served; every feed page links it as {@code rel="hub"}. */
    public static final String HUB_PATH = "/hub";

    private final FeedEndpoint endpoint;

    /**
     * @param source reads the feeds
     * @param writer stores posted entries, in the same batches and sequence as notifications
     * @param tokens validates callers' {@code X-Auth-Token}, as for the API
     * @param entries reads posted entries, with the size limit of option {@code feeds-max-post}
     */
    public FeedRoutes(FeedSource source, BatchingWriter writer, TokenValidator tokens, AtomEntryReader entries) {
        this.endpoint = new FeedEndpoint(
                new CallerAuthentication(tokens), new FeedReading(source), new FeedPosting(entries, writer, source));
    }

    @Override
    public void configure() {
        from("platform-http:" + PATH + "?matchOnUriPrefix=true&httpMethodRestrict=GET,POST")
                .routeId("http-feeds")
                .process(endpoint);
    }
}
