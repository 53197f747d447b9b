package io.meterhub.routes.websub;

import io.meterhub.feeds.atom.AtomRenderer;
import io.meterhub.feeds.atom.Link;
import io.meterhub.feeds.read.FeedEntry;
import io.meterhub.feeds.read.FeedPage;
import io.meterhub.routes.push.Delivery;
import io.meterhub.routes.push.HttpPost;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pushes new entries to a WebSub callback: one Atom feed document per page, with {@code Link} headers (and links) to
 * the hub and the topic, signed with {@code X-Hub-Signature-256} when the subscriber gave a secret. Any 2xx
 * acknowledges the whole document.
 */
final class WebSubDelivery implements Delivery {

    private final HttpPost http;
    private final Subscription s;

    WebSubDelivery(HttpPost http, Subscription s) {
        this.http = http;
        this.s = s;
    }

    @Override
    public int deliver(FeedPage page, List<FeedEntry> oldestFirst) {
        List<Link> links = List.of(new Link("self", s.topic()), new Link("hub", s.hubUrl()));
        byte[] body = AtomRenderer.page(page, s.feedUrl(), s.title(), links).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Link", "<" + s.hubUrl() + ">; rel=\"hub\", <" + s.topic() + ">; rel=\"self\"");
        s.secret().ifPresent(secret -> headers.put(HubSignature.HEADER, HubSignature.of(secret, body)));
        int status = http.post(s.callback(), AtomRenderer.FEED_TYPE, body, headers);
        return status / 100 == 2 ? oldestFirst.size() : 0;
    }

    @Override
    public String describe() {
        return "WebSub callback " + s.callback() + " (topic " + s.topic() + ")";
    }
}
