package io.meterhub.routes.websub;

import io.meterhub.routes.api.auth.TokenValidator;
import io.meterhub.routes.feeds.FeedRoutes;
import org.apache.camel.builder.RouteBuilder;

/** The WebSub hub on platform-http: one route, {@code http-websub-hub}, taking {@code POST /hub}. */
public final class HubRoutes extends RouteBuilder {

    /** Where the hub is served; feeds advertise it as their {@code rel="hub"} link. */
    public static final String PATH = FeedRoutes.HUB_PATH;

    private final HubEndpoint endpoint;

    public HubRoutes(TokenValidator tokens, IntentVerifier verifier, WebSubSettings settings) {
        this.endpoint = new HubEndpoint(tokens, verifier, settings);
    }

    @Override
    public void configure() {
        from("platform-http:" + PATH + "?httpMethodRestrict=POST")
                .routeId("http-websub-hub")
                .process(endpoint);
    }
}
