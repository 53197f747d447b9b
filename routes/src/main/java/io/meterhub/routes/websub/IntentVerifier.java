package io.meterhub.routes.websub;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the subscriber's intent, after the hub answered 202: a {@code GET} of the callback with
 * {@code hub.mode}, {@code hub.topic}, {@code hub.challenge} (random) and, to subscribe, {@code hub.lease_seconds};
 * only a 2xx whose body is exactly the challenge is applied to the {@link Subscriptions}.
 */
public final class IntentVerifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IntentVerifier.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final Subscriptions subscriptions;
    private final SecureRandom random = new SecureRandom();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "meterhub-websub-verify");
        t.setDaemon(true);
        return t;
    });

    public IntentVerifier(HttpClient client, Subscriptions subscriptions) {
        this.client = client;
        this.subscriptions = subscriptions;
    }

    /** Verifies {@code s} later, in the verifier's own thread. */
    void verifyLater(Subscription s) {
        executor.execute(() -> {
            try {
                if (verify(s)) {
                    subscriptions.apply(s);
                } else {
                    LOG.info(
                            "{} of {} to {} not verified: the callback did not echo the challenge",
                            s.mode(),
                            s.callback(),
                            s.topic());
                }
            } catch (RuntimeException e) {
                LOG.warn("verifying {} of {} failed: {}", s.mode(), s.callback(), e.toString());
            }
        });
    }

    private boolean verify(Subscription s) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String challenge = HexFormat.of().formatHex(bytes);
        StringBuilder q = new StringBuilder();
        param(q, SubscriptionRequest.MODE, s.mode());
        param(q, SubscriptionRequest.TOPIC, s.topic());
        param(q, SubscriptionRequest.CHALLENGE, challenge);
        if (s.subscribe()) {
            param(q, SubscriptionRequest.LEASE, Long.toString(s.lease().toSeconds()));
        }
        String cb = s.callback().toString();
        URI uri = URI.create(cb + (cb.contains("?") ? "&" : "?") + q);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 && response.body().equals(challenge);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void param(StringBuilder q, String name, String value) {
        if (q.length() > 0) {
            q.append('&');
        }
        q.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
