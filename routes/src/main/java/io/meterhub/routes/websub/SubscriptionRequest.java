package io.meterhub.routes.websub;

import io.meterhub.feeds.read.BadFeedRequestException;
import io.meterhub.feeds.read.FeedQuery;
import io.meterhub.feeds.read.PageParameters;
import io.meterhub.routes.feeds.FeedPath;
import io.meterhub.routes.push.PushFeed;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a form-encoded {@code POST /hub}: {@code hub.mode} ({@code subscribe} or {@code unsubscribe}),
 * {@code hub.topic} (a feed URL of this hub; of its query only {@code search} counts), {@code hub.callback} (an
 * absolute http(s) URL), {@code hub.lease_seconds} (optional; capped at the longest lease) and {@code hub.secret}
 * (optional, under 200 bytes).
 */
public final class SubscriptionRequest {

    static final String MODE = "hub.mode";
    static final String TOPIC = "hub.topic";
    static final String CALLBACK = "hub.callback";
    static final String LEASE = "hub.lease_seconds";
    static final String SECRET = "hub.secret";
    static final String CHALLENGE = "hub.challenge";
    private static final int MAX_SECRET = 200;

    private SubscriptionRequest() {}

    /**
     * @param p the form's fields
     * @param project the caller's project when it is not an admin: pushes hold only that project's entries
     * @throws BadSubscriptionException saying what is wrong
     */
    public static Subscription parse(Map<String, String> p, Optional<String> project, WebSubSettings settings) {
        return of(
                required(p, MODE),
                required(p, TOPIC),
                required(p, CALLBACK),
                p.get(LEASE),
                p.get(SECRET),
                project,
                settings);
    }

    /** The subscription these request fields ask for; also rebuilds a stored one. */
    static Subscription of(
            String mode,
            String topic,
            String callbackRaw,
            String leaseRaw,
            String secretRaw,
            Optional<String> project,
            WebSubSettings settings) {
        if (!mode.equals("subscribe") && !mode.equals("unsubscribe")) {
            throw new BadSubscriptionException(MODE + " must be subscribe or unsubscribe, not '" + mode + "'");
        }
        URI topicUri = httpUri(TOPIC, topic);
        FeedPath path = FeedPath.parse(topicUri.getRawPath())
                .filter(f -> f.entryId().isEmpty())
                .orElseThrow(() -> new BadSubscriptionException(TOPIC + " '" + topic + "' is not a feed of this hub"));
        FeedQuery query;
        try {
            query = PageParameters.parse(path.feed(), topicUri.getRawQuery(), project);
        } catch (BadFeedRequestException e) {
            throw new BadSubscriptionException(TOPIC + ": " + e.getMessage());
        }
        URI callback = httpUri(CALLBACK, callbackRaw);
        Optional<String> secret = Optional.ofNullable(secretRaw).filter(s -> !s.isEmpty());
        if (secret.isPresent() && secret.get().getBytes(StandardCharsets.UTF_8).length >= MAX_SECRET) {
            throw new BadSubscriptionException(SECRET + " must be shorter than " + MAX_SECRET + " bytes");
        }
        String base = topicUri.getScheme() + "://" + topicUri.getRawAuthority();
        return new Subscription(
                mode.equals("subscribe"),
                topic,
                callback,
                lease(leaseRaw, settings),
                secret,
                new PushFeed(path.feed(), query.search(), project),
                FeedPath.feedUrl(base, path.feed()),
                base + HubRoutes.PATH);
    }

    private static Duration lease(String raw, WebSubSettings settings) {
        if (raw == null || raw.isEmpty()) {
            return settings.defaultLease();
        }
        long seconds;
        try {
            seconds = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new BadSubscriptionException(LEASE + " '" + raw + "' is not a whole number of seconds");
        }
        if (seconds < 1) {
            throw new BadSubscriptionException(LEASE + " must be at least 1");
        }
        Duration d = Duration.ofSeconds(seconds);
        return d.compareTo(settings.maxLease()) > 0 ? settings.maxLease() : d;
    }

    private static URI httpUri(String name, String raw) {
        try {
            URI u = new URI(raw);
            if (u.isAbsolute()
                    && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getRawAuthority() != null
                    && u.getRawFragment() == null) {
                return u;
            }
        } catch (java.net.URISyntaxException e) {
            // below
        }
        throw new BadSubscriptionException(name + " '" + raw + "' is not an absolute http(s) URL");
    }

    private static String required(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isEmpty()) {
            throw new BadSubscriptionException(name + " is missing");
        }
        return v;
    }

    /** The fields of a form-encoded body; a field given twice is refused. */
    static Map<String, String> decode(String form) {
        Map<String, String> out = new HashMap<>();
        if (form == null) {
            return out;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (out.putIfAbsent(k, v) != null) {
                    throw new BadSubscriptionException(k + " is given twice");
                }
            } catch (IllegalArgumentException e) {
                throw new BadSubscriptionException("the form is not URL-encoded: " + e.getMessage());
            }
        }
        return out;
    }
}
