package io.meterhub.routes.websub;

import io.meterhub.feeds.read.Feed;
import io.meterhub.routes.push.PushFeed;
import io.meterhub.routes.push.PushStore;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A WebSub (un)subscription as requested: the topic (a feed URL of this hub, with its {@code search}), the callback,
 * the lease and the secret, and the caller's project that limits what is pushed.
 *
 * @param feedUrl the topic's feed URL without its query: the base of entry links
 * @param hubUrl this hub's {@code /hub} URL at the topic's address
 */
public record Subscription(
        boolean subscribe,
        String topic,
        URI callback,
        Duration lease,
        Optional<String> secret,
        PushFeed feed,
        String feedUrl,
        String hubUrl) {

    /** The subscription's document id: the SHA-256 of topic and callback, so re-subscribing finds it. */
    public String id() {
        return PushStore.idOf(topic, callback.toString());
    }

    String mode() {
        return subscribe ? "subscribe" : "unsubscribe";
    }

    /** The feed's title in pushed documents, as a reader of the feed sees it. */
    String title() {
        Feed f = feed.feed();
        return "meterhub " + f.path();
    }
}
