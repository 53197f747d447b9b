package io.meterhub.routes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import io.meterhub.feeds.FeedNames;
import io.meterhub.routes.Hub;
import io.meterhub.routes.HubNames;
import io.meterhub.routes.websub.Subscriptions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.ProducerTemplate;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WebSub hub of a running hub over real HTTP, with subscribers on the JDK's HTTP server: subscribe, intent
 * verification, pushes of newly ingested notifications (signed), retries with backoff, a hub restart in the middle,
 * unsubscribe, refused verification and lease expiry — against the entries the real store writer stored.
 */
class WebSubIT {

    static final String ADMIN = "websub-admin-token";

    @TempDir
    Path data;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(open);
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    static Map<String, String> options(Path dir) {
        Map<String, String> o = HubTestSupport.options(dir);
        o.put("admin-token", ADMIN);
        o.put("push-interval", "50ms");
        o.put("push-retry", "50ms");
        o.put("push-retry-max", "400ms");
        return o;
    }

    private Hub start(Map<String, String> options) throws Exception {
        Hub hub = HubTestSupport.start(options);
        open.add(hub);
        return hub;
    }

    private PushReceiver receiver(int failFirst) throws Exception {
        PushReceiver r = PushReceiver.subscriber(failFirst);
        open.add(r);
        return r;
    }

    @Test
    void pushesNewEntriesSignedAfterAVerifiedSubscription() throws Exception {
        Hub hub = start(options(data));
        PushReceiver sub = receiver(0);
        String topic = feed(hub, "notifications");
        assertThat(subscribe(
                                hub,
                                "subscribe",
                                topic,
                                sub.url(),
                                Map.of("hub.secret", "s3cret", "hub.lease_seconds", "600"))
                        .statusCode())
                .isEqualTo(202);
        awaitSubscribed(hub, 1);
        Map<String, String> verification = sub.verifications().get(0);
        assertThat(verification)
                .containsEntry("hub.mode", "subscribe")
                .containsEntry("hub.topic", topic)
                .containsEntry("hub.lease_seconds", "600")
                .containsKey("hub.challenge");

        List<String> expected = ingest(hub, fresh(40));
        awaitDelivered(sub, expected);
        for (PushReceiver.Post p : sub.posts()) {
            assertThat(p.headers().get("content-type")).startsWith("application/atom+xml");
            assertThat(p.headers().get("x-hub-signature-256")).isEqualTo("sha256=" + hmac("s3cret", p.body()));
            assertThat(p.headers().get("link"))
                    .contains("<" + base(hub) + "/hub>; rel=\"hub\"")
                    .contains("<" + topic + ">; rel=\"self\"");
        }
        assertThat(deliveredInOrder(sub)).isEqualTo(expected);
    }

    @Test
    void retriesAFailingCallbackWithBackoffUntilEveryEntryArrivesInOrder() throws Exception {
        Hub hub = start(options(data));
        PushReceiver sub = receiver(4);
        subscribe(hub, "subscribe", feed(hub, "notifications"), sub.url(), Map.of());
        awaitSubscribed(hub, 1);
        List<String> expected = ingest(hub, fresh(30));
        awaitDelivered(sub, expected);
        assertThat(sub.posts().subList(0, 4)).allMatch(p -> p.answered() == 503);
        assertThat(deliveredInOrder(sub)).isEqualTo(expected);
        assertThat(sub.posts().get(0).entryIds()).isNotEmpty();
    }

    @Test
    void resumesPendingPushesFromTheStoredCursorAfterARestart() throws Exception {
        Map<String, String> options = options(data);
        options.put("push-retry", "10s"); // the first hub only fails, then stops
        options.put("push-retry-max", "10s");
        Hub first = HubTestSupport.start(options);
        PushReceiver sub = receiver(1);
        List<String> expected;
        try {
            subscribe(first, "subscribe", feed(first, "notifications"), sub.url(), Map.of("hub.secret", "k"));
            awaitSubscribed(first, 1);
            expected = ingest(first, fresh(25));
            await().atMost(Duration.ofSeconds(10)).until(() -> !sub.posts().isEmpty());
        } finally {
            first.close();
        }
        assertThat(sub.acknowledged()).isEmpty();

        options.put("push-retry", "50ms");
        options.put("push-retry-max", "400ms");
        Hub second = start(options); // same --data, new port: the stored subscription and cursor resume
        List<String> more = ingest(second, fresh(10));
        List<String> all = new ArrayList<>(expected);
        all.addAll(more);
        awaitDelivered(sub, all);
        assertThat(deliveredInOrder(sub)).isEqualTo(all);
    }

    @Test
    void pushesToAProjectsSubscriberOnlyWhatItsTokenReadsInTheFeed() throws Exception {
        String project = Corpus.expectedEvents().stream()
                .flatMap(e ->
                        java.util.stream.StreamSupport.stream(e.path("traits").spliterator(), false))
                .filter(t -> t.get(0).asText().equals("project_id"))
                .collect(Collectors.groupingBy(t -> t.get(2).asText(), Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        Path tokens =
                java.nio.file.Files.write(data.resolve("tokens"), List.of("websub-token-a " + project + " member"));
        Map<String, String> options = options(data.resolve("hub"));
        options.put("tokens", tokens.toString());
        Hub hub = start(options);
        PushReceiver sub = receiver(0);
        HttpResponse<String> accepted =
                subscribe(hub, "websub-token-a", "subscribe", feed(hub, "notifications"), sub.url(), Map.of());
        assertThat(accepted.statusCode()).isEqualTo(202);
        awaitSubscribed(hub, 1);
        List<String> all = ingest(hub, fresh(Corpus.notifications().size()));
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(feed(hub, "notifications") + "?direction=forward&limit=1000"))
                        .header("X-Auth-Token", "websub-token-a")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        List<String> visible = new ArrayList<>(
                new PushReceiver.Post(page.body().getBytes(StandardCharsets.UTF_8), Map.of(), 200).entryIds());
        Collections.reverse(visible);
        assertThat(visible).isNotEmpty().hasSizeLessThan(all.size());
        awaitDelivered(sub, visible);
        assertThat(deliveredInOrder(sub)).isEqualTo(visible);
    }

    @Test
    void dropsASubscriptionThatFailsLongerThanTheGiveUpPeriod() throws Exception {
        Map<String, String> options = options(data);
        options.put("push-give-up", "500ms");
        Hub hub = start(options);
        PushReceiver sub = receiver(Integer.MAX_VALUE);
        subscribe(hub, "subscribe", feed(hub, "notifications"), sub.url(), Map.of());
        awaitSubscribed(hub, 1);
        ingest(hub, fresh(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions(hub) == 0);
        assertThat(sub.posts()).hasSizeGreaterThan(1).allMatch(p -> p.answered() == 503);
    }

    @Test
    void unsubscribeStopsPushes() throws Exception {
        Hub hub = start(options(data));
        PushReceiver sub = receiver(0);
        String topic = feed(hub, "notifications");
        subscribe(hub, "subscribe", topic, sub.url(), Map.of());
        awaitSubscribed(hub, 1);
        List<String> before = ingest(hub, fresh(5));
        awaitDelivered(sub, before);

        assertThat(subscribe(hub, "unsubscribe", topic, sub.url(), Map.of()).statusCode())
                .isEqualTo(202);
        awaitSubscribed(hub, 0);
        assertThat(sub.verifications().get(1)).containsEntry("hub.mode", "unsubscribe");
        int posts = sub.posts().size();
        // a second subscriber proves pushes go on; the unsubscribed one gets nothing more
        PushReceiver other = receiver(0);
        subscribe(hub, "subscribe", topic, other.url(), Map.of());
        awaitSubscribed(hub, 1);
        List<String> after = ingest(hub, fresh(5));
        awaitDelivered(other, after);
        assertThat(sub.posts()).hasSize(posts);
    }

    @Test
    void doesNotSubscribeACallbackThatDoesNotEchoTheChallenge() throws Exception {
        Hub hub = start(options(data));
        PushReceiver sub = receiver(0);
        sub.echoChallenge(false);
        assertThat(subscribe(hub, "subscribe", feed(hub, "notifications"), sub.url(), Map.of())
                        .statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> !sub.verifications().isEmpty());
        // a verified subscriber after it proves the verifier has finished with the first
        PushReceiver ok = receiver(0);
        subscribe(hub, "subscribe", feed(hub, "notifications"), ok.url(), Map.of());
        awaitSubscribed(hub, 1);
        ingest(hub, fresh(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> !ok.posts().isEmpty());
        assertThat(sub.posts()).isEmpty();
    }

    @Test
    void anExpiredLeaseEndsTheSubscription() throws Exception {
        Hub hub = start(options(data));
        PushReceiver sub = receiver(0);
        subscribe(hub, "subscribe", feed(hub, "notifications"), sub.url(), Map.of("hub.lease_seconds", "1"));
        awaitSubscribed(hub, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions(hub) == 0);
        ingest(hub, fresh(3));
        // another subscriber receives them; the expired one does not
        PushReceiver other = receiver(0);
        subscribe(hub, "subscribe", feed(hub, "notifications"), other.url(), Map.of());
        awaitSubscribed(hub, 1);
        List<String> later = ingest(hub, fresh(3));
        awaitDelivered(other, later);
        assertThat(sub.posts()).isEmpty();
    }

    @Test
    void pushesOnlyTheEntriesOfTheTopicsSearch() throws Exception {
        Hub hub = start(options(data));
        PushReceiver sub = receiver(0);
        List<ObjectNode> batch = fresh(40);
        String type = batch.get(0).get("event_type").asText();
        String topic = feed(hub, "notifications") + "?search=" + URLEncoder.encode("+" + type, StandardCharsets.UTF_8);
        subscribe(hub, "subscribe", topic, sub.url(), Map.of());
        awaitSubscribed(hub, 1);
        List<String> stored = ingest(hub, batch);
        List<String> ofType = batch.stream()
                .filter(n -> n.get("event_type").asText().equals(type))
                .map(n -> "urn:uuid:" + n.get("message_id").asText())
                .filter(stored::contains)
                .toList();
        assertThat(ofType).isNotEmpty().hasSizeLessThan(stored.size());
        awaitDelivered(sub, ofType);
        assertThat(deliveredInOrder(sub)).containsExactlyInAnyOrderElementsOf(ofType);
    }

    @Test
    void refusesBadRequestsWithAPlainReason() throws Exception {
        Hub hub = start(options(data));
        String topic = feed(hub, "notifications");
        assertThat(subscribe(hub, "watch", topic, "http://127.0.0.1:1/cb", Map.of()))
                .satisfies(r -> assertThat(r.statusCode()).isEqualTo(400))
                .satisfies(r -> assertThat(r.body()).contains("hub.mode"));
        assertThat(subscribe(hub, "subscribe", base(hub) + "/v2/meters", "http://127.0.0.1:1/cb", Map.of())
                        .body())
                .contains("hub.topic");
        assertThat(subscribe(hub, "subscribe", topic, "ftp://x/cb", Map.of()).statusCode())
                .isEqualTo(400);
        assertThat(subscribe(hub, "subscribe", topic, "http://127.0.0.1:1/cb", Map.of("hub.secret", "x".repeat(200)))
                        .statusCode())
                .isEqualTo(400);
        assertThat(subscribe(hub, "subscribe", topic, "http://127.0.0.1:1/cb", Map.of("hub.lease_seconds", "soon"))
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(URI.create(base(hub) + "/hub"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("hub.mode=subscribe"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void feedsAdvertiseTheHub() throws Exception {
        Hub hub = start(options(data));
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(feed(hub, "notifications")))
                        .header("X-Auth-Token", ADMIN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body())
                .contains("rel=\"hub\" href=\"" + base(hub) + "/hub\"")
                .contains("rel=\"self\" href=\"" + feed(hub, "notifications") + "?");
    }

    // --- helpers

    static String base(Hub hub) {
        return "http://127.0.0.1:" + hub.httpPort();
    }

    static String feed(Hub hub, String path) {
        return base(hub) + "/feeds/" + path;
    }

    private HttpResponse<String> subscribe(
            Hub hub, String mode, String topic, String callback, Map<String, String> more) throws Exception {
        return subscribe(hub, ADMIN, mode, topic, callback, more);
    }

    private HttpResponse<String> subscribe(
            Hub hub, String token, String mode, String topic, String callback, Map<String, String> more)
            throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.mode", mode);
        form.put("hub.topic", topic);
        form.put("hub.callback", callback);
        form.putAll(more);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(base(hub) + "/hub"))
                        .header("X-Auth-Token", token)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static long subscriptions(Hub hub) {
        return hub.database().getCollection(Subscriptions.COLLECTION).countDocuments();
    }

    private static void awaitSubscribed(Hub hub, long n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions(hub) == n);
    }

    /** Corpus notifications with fresh message ids. */
    static List<ObjectNode> fresh(int n) {
        return Corpus.notifications().stream().limit(n).map(Corpus::withFreshId).toList();
    }

    /**
     * Through the hub's ingest pipeline; returns the Atom ids of the entries the store writer made of them, in
     * sequence order (a notification the store refuses has none).
     */
    static List<String> ingest(Hub hub, List<ObjectNode> notifications) {
        ProducerTemplate template = hub.camelContext().createProducerTemplate();
        List<CompletableFuture<Object>> done = new ArrayList<>();
        notifications.forEach(n -> done.add(template.asyncSendBody(HubNames.INGEST_ENDPOINT, Corpus.v2(n))));
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        List<String> ids = notifications.stream()
                .map(n -> "urn:uuid:" + n.get("message_id").asText())
                .toList();
        List<Document> docs = new ArrayList<>();
        hub.database()
                .getCollection(FeedNames.ENTRIES)
                .find(Filters.in(FeedNames.ENTRY_ID, ids))
                .into(docs);
        docs.sort((a, b) -> Long.compare(a.getLong("_id"), b.getLong("_id")));
        return docs.stream().map(d -> d.getString(FeedNames.ENTRY_ID)).toList();
    }

    /** The entry ids the receiver acknowledged, oldest first, each once (a re-delivery counted once). */
    static List<String> deliveredInOrder(PushReceiver r) {
        List<String> out = new ArrayList<>();
        for (PushReceiver.Post p : r.acknowledged()) {
            List<String> ids = new ArrayList<>(p.entryIds());
            if (isFeed(p)) {
                Collections.reverse(ids); // a feed document lists its newest entry first
            }
            ids.stream().filter(id -> !out.contains(id)).forEach(out::add);
        }
        return out;
    }

    private static boolean isFeed(PushReceiver.Post p) {
        return new String(p.body(), StandardCharsets.UTF_8).contains("<feed");
    }

    static void awaitDelivered(PushReceiver r, List<String> ids) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(deliveredInOrder(r)).containsAll(ids));
    }

    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
