package io.meterhub.routes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import io.meterhub.feeds.FeedNames;
import io.meterhub.model.Json;
import io.meterhub.routes.Hub;
import io.meterhub.routes.HubNames;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ATOM feeds of a running hub over real HTTP, with the real corpus ingested through the hub's ingest pipeline and
 * store writer: read page by page by a real feed reader (python3-feedparser) and by camel-atom, conditional GETs,
 * category search, project scoping, AtomPub posts (also hostile ones) and the API's error bodies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedsIT {

    private static final String ADMIN = "feeds-admin-token";
    private static final String TOKEN_A = "feeds-token-a";
    private static final int MAX_POST = 64 * 1024;

    @TempDir
    static Path data;

    private Hub hub;
    private String base;
    private Feedparser feedparser;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String projectA;
    private List<ObjectNode> storable;

    @BeforeAll
    void startHubAndIngestTheCorpus() throws Exception {
        projectA = mostCommonProject();
        Path tokens = Files.write(data.resolve("tokens"), List.of(TOKEN_A + " " + projectA + " member"));
        Map<String, String> options = HubTestSupport.options(data.resolve("hub"));
        options.put("admin-token", ADMIN);
        options.put("tokens", tokens.toString());
        options.put("feeds-region", "RegionOne");
        options.put("feeds-categories", "dc:DFW1");
        options.put("feeds-max-post", Integer.toString(MAX_POST));
        hub = HubTestSupport.start(options);
        base = "http://127.0.0.1:" + hub.httpPort();
        feedparser = new Feedparser(data);
        ingest(Corpus.notifications());
        Set<String> stored =
                stored().stream().map(d -> d.getString(FeedNames.ENTRY_ID)).collect(Collectors.toSet());
        storable = Corpus.notifications().stream()
                .filter(n -> stored.contains("urn:uuid:" + n.get("message_id").asText()))
                .toList();
        ingest(storable.stream().map(Corpus::withFreshId).toList());
    }

    @AfterAll
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    private static String mostCommonProject() {
        return Corpus.expectedEvents().stream()
                .flatMap(e ->
                        java.util.stream.StreamSupport.stream(e.path("traits").spliterator(), false))
                .filter(t -> t.get(0).asText().equals("project_id"))
                .collect(Collectors.groupingBy(t -> t.get(2).asText(), Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
    }

    /**
     * Through the hub's ingest pipeline (decode, translate, store writer), waiting until each is stored; one-way, as
     * a broker delivers (a request-reply would wait for a reply from the dead-letter queue).
     */
    private void ingest(List<ObjectNode> notifications) {
        ProducerTemplate template = hub.camelContext().createProducerTemplate();
        List<CompletableFuture<Object>> done = new ArrayList<>();
        notifications.forEach(n -> done.add(template.asyncSendBody(HubNames.INGEST_ENDPOINT, Corpus.v2(n))));
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
    }

    /** The stored entries, oldest first. */
    private List<Document> stored() {
        List<Document> out = new ArrayList<>();
        hub.database()
                .getCollection(FeedNames.ENTRIES)
                .find()
                .sort(new Document("_id", 1))
                .into(out);
        return out;
    }

    private static List<String> ids(List<Document> docs) {
        return docs.stream().map(d -> d.getString(FeedNames.ENTRY_ID)).toList();
    }

    private static List<String> reversed(List<String> ids) {
        List<String> out = new ArrayList<>(ids);
        Collections.reverse(out);
        return out;
    }

    /** Entry ids in page order, every page checked to be a clean 200 Atom document. */
    private static List<String> pageIds(List<JsonNode> pages, boolean oldestFirst) {
        List<String> out = new ArrayList<>();
        for (JsonNode page : pages) {
            assertThat(page.get("status").asInt()).as(page.get("url").asText()).isEqualTo(200);
            assertThat(page.get("bozo").asBoolean())
                    .as(page.get("url").asText() + ": " + page.get("bozo_exception"))
                    .isFalse();
            assertThat(page.get("content_type").asText()).startsWith("application/atom+xml");
            assertThat(page.get("links").fieldNames())
                    .toIterable()
                    .contains("self", "current", "first", "last", "previous");
            List<String> ids = new ArrayList<>();
            page.get("entries").forEach(e -> ids.add(e.get("id").asText()));
            out.addAll(oldestFirst ? reversed(ids) : ids);
        }
        return out;
    }

    private HttpResponse<String> get(String pathAndQuery, String token, Map<String, String> headers) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        headers.forEach(b::header);
        return send(b);
    }

    private HttpResponse<String> post(String path, String token, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("X-Auth-Token", token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void feedparserReadsEveryPageBothWaysAndSeesEachEntryAsStored() throws Exception {
        List<Document> stored = stored();
        List<JsonNode> back = feedparser.backward(base + "/feeds/notifications?limit=40", ADMIN);
        List<JsonNode> forward = feedparser.forward(base + "/feeds/notifications?direction=forward&limit=40", ADMIN);

        assertThat(pageIds(back, false)).containsExactlyElementsOf(reversed(ids(stored)));
        assertThat(pageIds(forward, true)).containsExactlyElementsOf(ids(stored));
        assertThat(back.get(back.size() - 1).get("links").has("next")).isFalse();
        back.subList(0, back.size() - 1)
                .forEach(p -> assertThat(p.get("links").has("next")).isTrue());
        assertThat(forward.get(forward.size() - 1).get("entries")).isEmpty();
        assertThat(back.get(0).get("feed_id").asText()).isEqualTo(base + "/feeds/notifications");

        Map<String, Document> byId =
                stored.stream().collect(Collectors.toMap(d -> d.getString(FeedNames.ENTRY_ID), d -> d));
        for (JsonNode page : back) {
            for (JsonNode e : page.get("entries")) {
                Document d = byId.get(e.get("id").asText());
                String eventType = d.getString(FeedNames.EVENT_TYPE);
                assertThat(e.get("title").asText()).isEqualTo(eventType);
                assertThat(e.get("categories").get(0).asText()).isEqualTo(eventType);
                assertThat(json(e.get("categories")))
                        .containsExactlyElementsOf(d.getList(FeedNames.CATEGORIES, String.class))
                        .contains("rgn:RegionOne", "dc:DFW1");
                assertThat(e.get("content_type").asText()).isEqualTo("application/json");
                JsonNode content = Json.mapper().readTree(e.get("content").asText());
                assertThat(content.get("event_type").asText()).isEqualTo(eventType);
                assertThat(content.get("message_id").asText())
                        .isEqualTo(e.get("id").asText().substring("urn:uuid:".length()));
                content.fieldNames().forEachRemaining(k -> assertThat(k).doesNotStartWith("_"));
                assertThat(e.get("self").asText())
                        .isEqualTo(base + "/feeds/notifications/entries/"
                                + e.get("id").asText());
                assertThat(e.get("updated").isNull()).isFalse();
                assertThat(e.get("published").isNull()).isFalse();
            }
        }
    }

    private static List<String> json(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void feedparserReadsTheEventTypeProjectMeterAndEventFeeds() throws Exception {
        List<Document> stored = stored();
        String eventType = "compute.instance.create.end";
        String meter = "memory";
        Map<String, List<String>> expected = Map.of(
                "/feeds/notifications/" + eventType,
                ids(filter(stored, d -> d.getString(FeedNames.EVENT_TYPE).equals(eventType))),
                "/feeds/projects/" + projectA,
                ids(filter(stored, d -> d.getList(FeedNames.CATEGORIES, String.class)
                        .contains("tid:" + projectA))),
                "/feeds/meters/" + meter,
                subIds(stored, FeedNames.SAMPLES, s -> s.get("counter_name")
                        .asText()
                        .equals(meter)),
                "/feeds/events/" + eventType,
                subIds(stored, FeedNames.EVENTS, e -> e.get("event_type")
                        .asText()
                        .equals(eventType)));
        for (var feed : expected.entrySet()) {
            assertThat(feed.getValue()).as(feed.getKey()).isNotEmpty();
            assertThat(pageIds(feedparser.backward(base + feed.getKey() + "?limit=7", ADMIN), false))
                    .as(feed.getKey())
                    .containsExactlyElementsOf(reversed(feed.getValue()));
        }
    }

    private static List<Document> filter(List<Document> docs, Predicate<Document> test) {
        return docs.stream().filter(test).toList();
    }

    private static List<String> subIds(List<Document> docs, String field, Predicate<JsonNode> test) throws IOException {
        List<String> out = new ArrayList<>();
        for (Document d : docs) {
            if (d.getString(field) != null) {
                for (JsonNode item : Json.mapper().readTree(d.getString(field))) {
                    if (test.test(item)) {
                        out.add("urn:uuid:" + item.get("message_id").asText());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void aReaderFollowingTheLinksMissesAndRepeatsNothingWhileNotificationsArrive() throws Exception {
        int before = stored().size();
        List<ObjectNode> arriving = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            storable.forEach(n -> arriving.add(Corpus.withFreshId(n)));
        }
        Process reader = feedparser.forwardUntil(
                base + "/feeds/notifications?direction=forward&limit=50", ADMIN, before + arriving.size());
        CompletableFuture<List<JsonNode>> pages = CompletableFuture.supplyAsync(() -> {
            try {
                return Feedparser.pages(reader);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        for (int i = 0; i < arriving.size(); i += 100) {
            ingest(arriving.subList(i, Math.min(arriving.size(), i + 100)));
        }
        assertThat(reader.waitFor(180, TimeUnit.SECONDS)).isTrue();

        List<String> seen = pageIds(pages.get(), true);
        assertThat(seen).hasSize(before + arriving.size());
        assertThat(seen).containsExactlyElementsOf(ids(stored()));
    }

    @Test
    void camelAtomConsumesAFeed() throws Exception {
        String feed = "notifications/compute.instance.create.end";
        List<String> expected = pageIds(feedparser.backward(base + "/feeds/" + feed + "?limit=1000", ADMIN), false);
        List<String> received = new CopyOnWriteArrayList<>();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind(TokenFeedResolver.REGISTRY_NAME, new TokenFeedResolver(base, ADMIN));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // one poll, every entry of it
                    from("atom:" + TokenFeedResolver.SCHEME + ":" + feed
                                    + "?splitEntries=true&throttleEntries=false&initialDelay=0&delay=600000")
                            .process(x -> received.add(x.getMessage()
                                    .getBody(com.apptasticsoftware.rssreader.Item.class)
                                    .getGuid()
                                    .orElseThrow()));
                }
            });
            camel.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= expected.size());
        }
        assertThat(expected).isNotEmpty();
        assertThat(received).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anUnchangedPageAnswersIfNoneMatchWith304() {
        HttpResponse<String> first = get("/feeds/notifications?limit=5", ADMIN, Map.of());
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = get("/feeds/notifications?limit=5", ADMIN, Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);

        ingest(List.of(Corpus.withFreshId(storable.get(0))));
        HttpResponse<String> changed = get("/feeds/notifications?limit=5", ADMIN, Map.of("If-None-Match", etag));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
    }

    @Test
    void categorySearchOverHttpFindsTheMatchingEntries() {
        List<Document> stored = stored();
        String a = "compute.instance.create.end";
        String b = "image.upload";
        String project = stored.stream()
                .filter(d -> d.getString(FeedNames.EVENT_TYPE).equals(a) && d.getString(FeedNames.PROJECT) != null)
                .findFirst()
                .orElseThrow()
                .getString(FeedNames.PROJECT);
        List<String> either = ids(filter(stored, d -> Set.of(a, b).contains(d.getString(FeedNames.EVENT_TYPE))));
        List<String> both = ids(filter(
                stored,
                d -> d.getString(FeedNames.EVENT_TYPE).equals(a)
                        && d.getList(FeedNames.CATEGORIES, String.class).contains("tid:" + project)));
        List<String> neither = ids(filter(stored, d -> !Set.of(a, b).contains(d.getString(FeedNames.EVENT_TYPE))));

        assertThat(either).isNotEmpty();
        assertThat(both).isNotEmpty();
        assertThat(pageIds(
                        feedparser.backward(
                                base + "/feeds/notifications?limit=50&search=" + q("+" + a + "+" + b), ADMIN),
                        false))
                .containsExactlyElementsOf(reversed(either));
        assertThat(pageIds(
                        feedparser.backward(
                                base + "/feeds/notifications?limit=50&search="
                                        + q("(AND(cat=" + a + ")(cat=tid:" + project + "))"),
                                ADMIN),
                        false))
                .containsExactlyElementsOf(reversed(both));
        assertThat(pageIds(
                        feedparser.forward(
                                base + "/feeds/notifications?direction=forward&limit=200&search="
                                        + q("(NOT(OR(cat=" + a + ")(cat=" + b + ")))"),
                                ADMIN),
                        true))
                .containsExactlyElementsOf(neither);
    }

    @Test
    void aProjectTokenSeesOnlyItsOwnProjectsEntries() {
        List<Document> stored = stored();
        List<String> own = ids(filter(stored, d -> projectA.equals(d.getString(FeedNames.PROJECT))));
        Document other = stored.stream()
                .filter(d -> d.getString(FeedNames.PROJECT) != null && !projectA.equals(d.getString(FeedNames.PROJECT)))
                .findFirst()
                .orElseThrow();

        assertThat(own).isNotEmpty();
        assertThat(pageIds(feedparser.backward(base + "/feeds/notifications?limit=100", TOKEN_A), false))
                .containsExactlyElementsOf(reversed(own));
        assertThat(get("/feeds/notifications/entries/" + other.getString(FeedNames.ENTRY_ID), TOKEN_A, Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/feeds/notifications/entries/" + other.getString(FeedNames.ENTRY_ID), ADMIN, Map.of())
                        .statusCode())
                .isEqualTo(200);
        assertThat(pageIds(
                        feedparser.backward(base + "/feeds/projects/" + other.getString(FeedNames.PROJECT), TOKEN_A),
                        false))
                .isEmpty();
    }

    @Test
    void postedEntriesAreStoredOnceAndServedLikeAnyOther() throws Exception {
        byte[] simple = resource("ah-atom-entry-simple.xml");
        String withId = new String(simple, StandardCharsets.UTF_8)
                .replace("<title", "<id>urn:uuid:3b1d2b1e-95a4-4c69-b3f3-5f4e0c6c2a11</id><title");

        HttpResponse<String> created = post(
                "/feeds/notifications/usage.greeting",
                ADMIN,
                "application/atom+xml",
                withId.getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .isEqualTo(base
                        + "/feeds/notifications/usage.greeting/entries/urn:uuid:3b1d2b1e-95a4-4c69-b3f3-5f4e0c6c2a11");
        assertThat(created.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        assertThat(created.body())
                .contains("<id>urn:uuid:3b1d2b1e-95a4-4c69-b3f3-5f4e0c6c2a11</id>")
                .contains("Hello World")
                .contains("term=\"usage.greeting\"")
                .contains("term=\"greetings\"");
        HttpResponse<String> fetched = get(URI.create(location).getRawPath(), ADMIN, Map.of());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).contains("This is a greeting from John Doe");

        HttpResponse<String> again = post(
                "/feeds/notifications/usage.greeting",
                ADMIN,
                "application/atom+xml",
                withId.getBytes(StandardCharsets.UTF_8));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Json.mapper()
                        .readTree(again.body())
                        .at("/error_message/faultcode")
                        .asText())
                .isEqualTo("Client");

        HttpResponse<String> cuf = post(
                "/feeds/notifications",
                ADMIN,
                "application/atom+xml",
                resource("cufpub_notify_for_instance_exists_message.expected.xml"));
        assertThat(cuf.statusCode()).as(cuf.body()).isEqualTo(201);
        assertThat(cuf.headers().firstValue("Location").orElseThrow())
                .contains("/feeds/notifications/entries/urn:uuid:");
        List<JsonNode> pages = feedparser.backward(
                base + "/feeds/notifications?search=" + q("+compute.instance.exists.verified.cuf"), ADMIN);
        assertThat(pageIds(pages, false)).hasSize(1);
        assertThat(pages.get(0).at("/entries/0/title").asText()).isEqualTo("Server");
        // feedparser keeps inline content only for XHTML; the CUF event is XML content: read the entry itself
        HttpResponse<String> cufEntry = get(
                URI.create(cuf.headers().firstValue("Location").orElseThrow()).getRawPath(), ADMIN, Map.of());
        assertThat(cufEntry.body())
                .contains("<content type=\"application/xml\"><event xmlns=\"http://docs.rackspace.com/core/event\"")
                .contains("bandwidthOut=\"19992\"");

        assertThat(pageIds(feedparser.backward(base + "/feeds/notifications/usage.greeting", ADMIN), false))
                .containsExactly("urn:uuid:3b1d2b1e-95a4-4c69-b3f3-5f4e0c6c2a11");
    }

    @Test
    void hostileOrInvalidPostsAreRefusedAndStoreNothing() throws Exception {
        long before = hub.database().getCollection(FeedNames.ENTRIES).countDocuments();
        Path secret = Files.writeString(data.resolve("secret.txt"), "the-secret-value");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE entry [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<entry xmlns=\"http://www.w3.org/2005/Atom\"><title>&xxe;</title></entry>";
        StringBuilder lol = new StringBuilder("<!DOCTYPE entry [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            lol.append("<!ENTITY l")
                    .append(i)
                    .append(" \"")
                    .append(("&l" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        String laughs = lol + "]><entry xmlns=\"http://www.w3.org/2005/Atom\"><title>&l9;</title></entry>";
        String oversized = "<entry xmlns=\"http://www.w3.org/2005/Atom\"><title>big</title><content>"
                + "x".repeat(MAX_POST) + "</content></entry>";

        Map<String, String> refused = Map.of(
                xxe,
                "DOCTYPE",
                laughs,
                "DOCTYPE",
                oversized,
                "more than the 65536 accepted",
                "<entry xmlns=\"http://www.w3.org/2005/Atom\"><title>cut",
                "not acceptable XML",
                "{\"title\": \"json\"}",
                "not acceptable XML");
        for (var r : refused.entrySet()) {
            HttpResponse<String> response = post(
                    "/feeds/notifications",
                    ADMIN,
                    "application/atom+xml",
                    r.getKey().getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(r.getValue()).isEqualTo(400);
            JsonNode error = Json.mapper().readTree(response.body()).get("error_message");
            assertThat(error.get("faultcode").asText()).isEqualTo("Client");
            assertThat(error.get("faultstring").asText()).contains(r.getValue()).doesNotContain("the-secret-value");
            assertThat(error.get("debuginfo").isNull()).isTrue();
        }
        HttpResponse<String> huge =
                post("/feeds/notifications", ADMIN, "application/atom+xml", new byte[3 * 1024 * 1024]);
        assertThat(huge.statusCode()).as("a body larger than any route accepts").isEqualTo(413);
        byte[] fine = resource("ah-atom-entry-simple.xml");
        assertThat(post("/feeds/notifications", ADMIN, "application/json", fine).statusCode())
                .isEqualTo(415);
        assertThat(post("/feeds/meters/memory", ADMIN, "application/atom+xml", fine)
                        .statusCode())
                .isEqualTo(405);
        String otherProject = "<entry xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
                + "<category term=\"tid:someone-else\"/></entry>";
        assertThat(post(
                                "/feeds/notifications",
                                TOKEN_A,
                                "application/atom+xml",
                                otherProject.getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(403);

        assertThat(hub.database().getCollection(FeedNames.ENTRIES).countDocuments())
                .isEqualTo(before);
        assertThat(hub.database()
                        .getCollection(FeedNames.ENTRIES)
                        .find(Filters.eq(FeedNames.TITLE, "big"))
                        .first())
                .isNull();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = FeedsIT.class.getResourceAsStream("/atom/" + name)) {
            return java.util.Objects.requireNonNull(in, name).readAllBytes();
        }
    }

    @Test
    void badRequestsGetTheApisErrorBody() throws Exception {
        Map<String, Integer> cases = Map.of(
                "/feeds/notifications?limit=0",
                400,
                "/feeds/notifications?limit=5000",
                400,
                "/feeds/notifications?direction=up",
                400,
                "/feeds/notifications?marker=abc",
                400,
                "/feeds/notifications?search=" + q("(AND(cat=a)"),
                400,
                "/feeds/notifications?startingAt=tomorrow",
                400,
                "/feeds/nothing-here",
                404,
                "/feeds/notifications/entries/urn:uuid:00000000-0000-0000-0000-000000000000",
                404);
        for (var c : cases.entrySet()) {
            HttpResponse<String> r = get(c.getKey(), ADMIN, Map.of());
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            JsonNode error = Json.mapper().readTree(r.body()).get("error_message");
            assertThat(error.get("faultcode").asText()).isEqualTo("Client");
            assertThat(error.get("faultstring").asText()).isNotBlank();
            assertThat(error.has("debuginfo")).isTrue();
        }
        assertThat(get("/feeds/notifications", null, Map.of()).statusCode()).isEqualTo(401);
        assertThat(get("/feeds/notifications", "not-a-token", Map.of()).statusCode())
                .isEqualTo(401);
        assertThat(Json.mapper()
                        .readTree(get("/feeds/notifications?limit=0", ADMIN, Map.of())
                                .body())
                        .at("/error_message/faultstring")
                        .asText())
                .isEqualTo("limit: must be between 1 and 1000, not 0");
    }
}
