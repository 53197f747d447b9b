package io.meterhub.routes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Timestamps;
import io.meterhub.routes.Hub;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Ceilometer v2 API of a running hub over real HTTP, with the real corpus ingested through real RabbitMQ: every
 * endpoint, the query operators and fields, statistics checked against values computed here from the corpus's raw
 * samples (what real Ceilometer made of the notifications), the error bodies, and no data of another project through
 * any endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiIT {

    private static final String ADMIN = "admin-secret";
    private static final String TOKEN_A = "token-of-a";
    private static final String TOKEN_B = "token-of-b";
    private static final String METER = "memory";
    private static final Set<String> TIME_FIELDS = Set.of(
            "timestamp",
            "recorded_at",
            "generated",
            "first_sample_timestamp",
            "last_sample_timestamp",
            "period_start",
            "period_end",
            "duration_start",
            "duration_end",
            "start_timestamp",
            "end_timestamp");

    @TempDir
    static Path data;

    private Rabbit rabbit;
    private Hub hub;
    private ApiClient api;
    private StoreQueries store;
    /** The corpus samples of {@link #METER}, as real Ceilometer made them. */
    private List<JsonNode> memory;

    private String projectA;
    private String projectB;

    @BeforeAll
    void startHubAndIngestTheCorpus() throws Exception {
        memory = Corpus.expectedSamples().stream()
                .filter(s -> s.get("name").asText().equals(METER))
                .toList();
        Map<String, Long> perProject = memory.stream()
                .collect(Collectors.groupingBy(s -> s.get("project_id").asText(), Collectors.counting()));
        List<String> projects = perProject.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
        projectA = projects.get(0);
        projectB = projects.get(1);
        Path tokens = Files.write(
                data.resolve("tokens"),
                List.of("# test tokens", TOKEN_A + " " + projectA + " member", TOKEN_B + " " + projectB + " member"));

        rabbit = new Rabbit();
        Map<String, String> options = HubTestSupport.options(data.resolve("hub"), rabbit);
        options.put("admin-token", ADMIN);
        options.put("tokens", tokens.toString());
        hub = HubTestSupport.start(options);
        api = new ApiClient(hub.httpPort());
        store = new StoreQueries(hub.database());
        List<ObjectNode> corpus = Corpus.notifications();
        for (ObjectNode n : corpus) {
            rabbit.publish(Corpus.service(n), Corpus.routingKey(n), Corpus.v2(n));
        }
        List<String> ids =
                corpus.stream().map(n -> n.get("message_id").asText()).toList();
        await().atMost(Duration.ofSeconds(90)).until(() -> ids.stream()
                .allMatch(id -> store.eventsWithId(id) == 1 || store.deadLetterWithId(id) != null));
    }

    @AfterAll
    void stop() throws Exception {
        HubTestSupport.closeAll(hub, rabbit);
    }

    // ---- helpers

    private JsonNode ok(String path, String token) {
        ApiClient.Reply r = api.get(path, token);
        assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        return r.json();
    }

    private static String q(String field, String op, String value) {
        return "q.field=" + enc(field) + "&q.op=" + op + "&q.type=&q.value=" + enc(value);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void error(ApiClient.Reply r, int status, String faultstring) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode fault = r.json().get("error_message");
        assertThat(fault.get("faultcode").asText()).isEqualTo(status >= 500 ? "Server" : "Client");
        assertThat(fault.get("debuginfo").isNull()).isTrue();
        if (faultstring != null) {
            assertThat(fault.get("faultstring").asText()).isEqualTo(faultstring);
        }
    }

    private static Instant ts(JsonNode s) {
        return Timestamps.parse(s.get("timestamp").asText()).orElseThrow();
    }

    private static String naive(Instant t) {
        return Timestamps.isoformat(t, false);
    }

    private List<JsonNode> memoryWhere(Predicate<JsonNode> p) {
        return memory.stream().filter(p).toList();
    }

    private static double sum(List<JsonNode> samples) {
        return samples.stream().mapToDouble(s -> s.get("volume").asDouble()).sum();
    }

    // ---- auth and errors

    @Test
    void everyApiRequestNeedsAValidTokenButHealthDoesNot() {
        error(api.get("/v2/meters", null), 401, "The request you have made requires authentication.");
        error(api.get("/v2/samples", "wrong"), 401, "The request you have made requires authentication.");
        error(api.post("/v2/query/samples", null, "{}"), 401, null);
        error(api.get("/v1/resources/x/meters/memory/duration", null), 401, null);
        assertThat(api.get("/health", null).status()).isEqualTo(200);
    }

    @Test
    void badRequestsGetCeilometersErrorBodies() {
        error(
                api.get("/v2/samples?" + q("colour", "eq", "red"), ADMIN),
                400,
                "Unknown argument: \"colour\": unrecognized field in query: [<Query 'colour' eq 'red' None>], valid keys: "
                        + "['message_id', 'meter', 'project', 'resource', 'search_offset', 'source', 'timestamp', 'user']");
        error(
                api.get("/v2/samples?" + q("project_id", "ne", "x"), ADMIN),
                400,
                "Invalid input for field/attribute op. Value: 'ne'. unimplemented operator for project_id");
        error(
                api.get("/v2/meters?" + q("timestamp", "gt", "2012-01-01"), ADMIN),
                400,
                "Unknown argument: \"timestamp\": not valid for this resource");
        error(
                api.get("/v2/samples?" + q("timestamp", "gt", "soon"), ADMIN),
                400,
                "Invalid input for field/attribute timestamp. Value: 'soon'. invalid timestamp format");
        error(api.get("/v2/samples?limit=0", ADMIN), 400, "Limit must be positive");
        error(
                api.get("/v2/resources?" + q("limit", "eq", "3"), ADMIN),
                400,
                "Limit is not a valid field for queries, use 'limit' parameter.");
        error(api.get("/v2/meters/memory/statistics?period=-5", ADMIN), 400, "Period must be positive.");
        error(
                api.get("/v2/meters/memory/statistics?groupby=colour", ADMIN),
                400,
                "Unknown argument: \"{'colour'}\": Invalid groupby fields");
        error(api.get("/v2/meters/memory/statistics?aggregate.func=median", ADMIN), 400, null);
        error(
                api.get("/v2/events?q.field=event_type&q.op=ne&q.value=x", ADMIN),
                400,
                "Operator ne is not supported. Only `eq' operator is available for field event_type");
        error(
                api.post("/v2/query/samples", ADMIN, "{\"filter\": \"{\\\"like\\\": {\\\"meter\\\": \\\"m\\\"}}\"}"),
                400,
                "Filter expression not valid: unknown operator 'like' (and, or, not, in, =, !=, <, >, <=, =<, >=, =>, =~)");
        error(api.get("/v2/samples/no-such-sample", ADMIN), 404, "Sample no-such-sample Not Found");
        error(api.get("/v2/resources/no-such-resource", ADMIN), 404, "Resource no-such-resource Not Found");
        error(api.get("/v2/events/no-such-event", ADMIN), 404, "Event no-such-event Not Found");
        error(api.get("/v2/event_types", TOKEN_A), 403, "Not Authorized to access project " + projectA);
    }

    @Test
    void unknownPathsAndMethodsAnswerJsonToo() {
        error(api.get("/v2/nothing-here", ADMIN), 404, "The resource could not be found.");
        error(api.get("/v2/event_types/compute.instance.create.end", ADMIN), 404, "The resource could not be found.");
        error(api.post("/v2/samples", ADMIN, "{}"), 405, "The method POST is not allowed for this resource.");
    }

    // ---- meters and samples

    @Test
    void metersListEachResourceMeterPairWithCeilometersMeterId() {
        JsonNode meters = ok("/v2/meters?limit=10000", ADMIN);
        Set<String> expected = store.allSamples().stream()
                .map(d -> d.getString("resource_id") + "+" + d.getString("counter_name"))
                .collect(Collectors.toSet());
        Set<String> listed = new HashSet<>();
        for (JsonNode m : meters) {
            String key = m.get("resource_id").asText() + "+" + m.get("name").asText();
            listed.add(key);
            assertThat(m.get("meter_id").asText())
                    .isEqualTo(Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)));
            assertThat(m.fieldNames())
                    .toIterable()
                    .containsExactlyInAnyOrder(
                            "name", "type", "unit", "resource_id", "project_id", "user_id", "source", "meter_id");
        }
        assertThat(listed).isEqualTo(expected);
        assertThat(ok("/v2/meters", ADMIN)).hasSize(Math.min(100, meters.size()));
        assertThat(ok("/v2/meters?limit=3", ADMIN)).hasSize(3);
        JsonNode ofA = ok("/v2/meters?limit=10000&" + q("project_id", "eq", projectA), ADMIN);
        assertThat(ofA)
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.get("project_id").asText()).isEqualTo(projectA));
    }

    @Test
    void aMetersSamplesAreOldSamplesNewestFirst() {
        JsonNode samples = ok("/v2/meters/" + METER + "?limit=1000", ADMIN);
        assertThat(samples).hasSize(memory.size());
        JsonNode first = samples.get(0);
        assertThat(first.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "source",
                        "counter_name",
                        "counter_type",
                        "counter_unit",
                        "counter_volume",
                        "user_id",
                        "project_id",
                        "resource_id",
                        "timestamp",
                        "recorded_at",
                        "resource_metadata",
                        "message_id");
        assertThat(first.get("counter_volume").isDouble()).isTrue();
        Instant newest =
                memory.stream().map(ApiIT::ts).max(Comparator.naturalOrder()).orElseThrow();
        assertThat(first.get("timestamp").asText()).isEqualTo(naive(newest));
        List<String> times = new ArrayList<>();
        samples.forEach(s -> times.add(s.get("timestamp").asText()));
        assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
        times.forEach(t -> assertThat(t).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?"));
        assertThat(ok("/v2/meters/" + METER, ADMIN)).hasSize(Math.min(100, memory.size()));
    }

    @Test
    void simpleQueryFieldsAndTimestampRanges() {
        JsonNode s0 = memory.get(0);
        String resource = s0.get("resource_id").asText();
        assertThat(ok("/v2/meters/" + METER + "?limit=1000&" + q("resource_id", "eq", resource), ADMIN))
                .hasSize(memoryWhere(s -> s.get("resource_id").asText().equals(resource))
                        .size());
        assertThat(ok("/v2/samples?limit=1000&" + q("meter", "eq", METER) + "&" + q("project", "eq", projectA), ADMIN))
                .hasSize(memoryWhere(s -> s.get("project_id").asText().equals(projectA))
                        .size());
        String user = memory.stream()
                .filter(s -> s.hasNonNull("user_id"))
                .findFirst()
                .orElseThrow()
                .get("user_id")
                .asText();
        assertThat(ok("/v2/meters/" + METER + "?limit=1000&" + q("user_id", "eq", user), ADMIN))
                .hasSize(memoryWhere(s -> user.equals(s.path("user_id").asText()))
                        .size());
        assertThat(ok("/v2/meters/" + METER + "?limit=1000&" + q("source", "eq", "openstack"), ADMIN))
                .hasSize(memory.size());
        assertThat(ok("/v2/meters/" + METER + "?limit=1000&" + q("source", "eq", "elsewhere"), ADMIN))
                .isEmpty();

        List<Instant> times = memory.stream().map(ApiIT::ts).sorted().toList();
        Instant from = times.get(times.size() / 4);
        Instant to = times.get(3 * times.size() / 4);
        for (String[] ops : new String[][] {{"ge", "lt"}, {"gt", "le"}, {"ge", "le"}, {"gt", "lt"}}) {
            long expected = times.stream()
                    .filter(t -> ops[0].equals("ge") ? !t.isBefore(from) : t.isAfter(from))
                    .filter(t -> ops[1].equals("le") ? !t.isAfter(to) : t.isBefore(to))
                    .count();
            assertThat(ok(
                            "/v2/meters/" + METER + "?limit=1000&" + q("timestamp", ops[0], naive(from)) + "&"
                                    + q("timestamp", ops[1], naive(to)),
                            ADMIN))
                    .as(ops[0] + "/" + ops[1])
                    .hasSize((int) expected);
        }
    }

    @Test
    void metadataQueriesMatchTheStoredMetadata() {
        Document metadata = store.allSamples().stream()
                .filter(d -> d.getString("counter_name").equals(METER))
                .map(d -> d.get("resource_metadata", Document.class))
                .filter(m -> m.get("host") instanceof String)
                .findFirst()
                .orElseThrow();
        String value = metadata.getString("host");
        long expected = store.allSamples().stream()
                .filter(d -> d.getString("counter_name").equals(METER))
                .filter(d ->
                        value.equals(d.get("resource_metadata", Document.class).get("host")))
                .count();
        assertThat(ok("/v2/meters/" + METER + "?limit=1000&" + q("metadata.host", "eq", value), ADMIN))
                .hasSize((int) expected)
                .allSatisfy(
                        s -> assertThat(s.get("resource_metadata").get("host").asText())
                                .isEqualTo(value));
        assertThat(ok(
                        "/v2/samples?limit=1000&" + q("resource_metadata.host", "eq", value) + "&"
                                + q("meter", "eq", METER),
                        ADMIN))
                .hasSize((int) expected);
        assertThat(ok("/v2/meters/" + METER + "?" + q("metadata.host", "eq", value + "-not"), ADMIN))
                .isEmpty();
    }

    @Test
    void samplesListAndShowInTheNewFormat() {
        JsonNode list = ok("/v2/samples?limit=5", ADMIN);
        assertThat(list).hasSize(5);
        JsonNode s = list.get(0);
        assertThat(s.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "id",
                        "meter",
                        "type",
                        "unit",
                        "volume",
                        "user_id",
                        "project_id",
                        "resource_id",
                        "source",
                        "timestamp",
                        "recorded_at",
                        "metadata");
        assertThat(ok("/v2/samples/" + s.get("id").asText(), ADMIN)).isEqualTo(s);
    }

    @Test
    void complexQueryFiltersOrdersAndLimits() {
        String filter =
                "{\"and\": [{\"=\": {\"meter\": \"" + METER + "\"}}, {\"or\": [{\"=\": {\"project\": \"" + projectA
                        + "\"}}, {\"=\": {\"project\": \"" + projectB + "\"}}]}, {\"not\": {\"<\": {\"volume\": 0}}}]}";
        String body = "{\"filter\": " + json(filter) + ", \"orderby\": " + json("[{\"volume\": \"desc\"}]")
                + ", \"limit\": 1000}";
        ApiClient.Reply r = api.post("/v2/query/samples", ADMIN, body);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<JsonNode> expected = memoryWhere(
                s -> Set.of(projectA, projectB).contains(s.get("project_id").asText())
                        && s.get("volume").asDouble() >= 0);
        assertThat(r.json()).hasSize(expected.size());
        List<Double> volumes = new ArrayList<>();
        r.json().forEach(s -> volumes.add(s.get("volume").asDouble()));
        assertThat(volumes).isSortedAccordingTo(Comparator.reverseOrder());
        String in = "{\"in\": {\"resource_id\": [\""
                + memory.get(0).get("resource_id").asText() + "\"]}}";
        assertThat(api.post("/v2/query/samples", ADMIN, "{\"filter\": " + json(in) + ", \"limit\": 2}")
                        .json())
                .hasSizeLessThanOrEqualTo(2)
                .isNotEmpty();
        String regex = "{\"=~\": {\"meter\": \"^memor\"}}";
        assertThat(api.post("/v2/query/samples", ADMIN, "{\"filter\": " + json(regex) + ", \"limit\": 1000}")
                        .json())
                .hasSize(memory.size());
    }

    private static String json(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }

    // ---- statistics, computed here from the corpus

    @Test
    void statisticsOfAllSamples() {
        JsonNode stats = ok("/v2/meters/" + METER + "/statistics", ADMIN);
        assertThat(stats).hasSize(1);
        JsonNode s = stats.get(0);
        // Ceilometer counts every sample; min, max and avg skip those without a volume
        List<Double> volumes = memory.stream()
                .filter(x -> x.hasNonNull("volume"))
                .map(x -> x.get("volume").asDouble())
                .toList();
        assertThat(s.get("count").asLong()).isEqualTo(memory.size());
        assertThat(s.get("sum").asDouble()).isCloseTo(sum(memory), within(1e-6));
        assertThat(s.get("min").asDouble())
                .isEqualTo(volumes.stream().min(Double::compare).orElseThrow());
        assertThat(s.get("max").asDouble())
                .isEqualTo(volumes.stream().max(Double::compare).orElseThrow());
        assertThat(s.get("avg").asDouble()).isCloseTo(sum(memory) / volumes.size(), within(1e-6));
        Instant first =
                memory.stream().map(ApiIT::ts).min(Comparator.naturalOrder()).orElseThrow();
        Instant last =
                memory.stream().map(ApiIT::ts).max(Comparator.naturalOrder()).orElseThrow();
        assertThat(s.get("duration_start").asText()).isEqualTo(naive(first));
        assertThat(s.get("duration_end").asText()).isEqualTo(naive(last));
        assertThat(s.get("duration").asDouble())
                .isCloseTo(Duration.between(first, last).toNanos() / 1e9, within(1e-6));
        assertThat(s.get("groupby").isNull()).isTrue();
        assertThat(s.has("aggregate")).isFalse();
    }

    @Test
    void statisticsPerGroup() {
        for (String field : List.of("project_id", "resource_id", "user_id")) {
            Map<String, List<JsonNode>> expected = memory.stream()
                    .filter(x -> x.hasNonNull(field))
                    .collect(Collectors.groupingBy(x -> x.get(field).asText()));
            JsonNode stats = ok("/v2/meters/" + METER + "/statistics?groupby=" + field, ADMIN);
            Map<String, Long> counts = new TreeMap<>();
            for (JsonNode s : stats) {
                JsonNode key = s.get("groupby").get(field);
                if (key.isNull()) {
                    continue;
                }
                counts.put(key.asText(), s.get("count").asLong());
                assertThat(s.get("sum").asDouble()).isCloseTo(sum(expected.get(key.asText())), within(1e-6));
            }
            assertThat(counts)
                    .as(field)
                    .isEqualTo(expected.entrySet().stream()
                            .collect(Collectors.toMap(
                                    Map.Entry::getKey, e -> (long) e.getValue().size(), (a, b) -> a, TreeMap::new)));
        }
    }

    @Test
    void statisticsPerPeriodFromTheFirstSample() {
        long period = 86_400L * 365;
        Instant anchor =
                memory.stream().map(ApiIT::ts).min(Comparator.naturalOrder()).orElseThrow();
        Map<Long, List<JsonNode>> buckets = new TreeMap<>(memory.stream()
                .collect(Collectors.groupingBy(
                        x -> Math.floorDiv(Duration.between(anchor, ts(x)).toNanos() / 1000, period * 1_000_000L))));
        JsonNode stats = ok("/v2/meters/" + METER + "/statistics?period=" + period, ADMIN);
        assertThat(stats).hasSize(buckets.size());
        int i = 0;
        for (Map.Entry<Long, List<JsonNode>> b : buckets.entrySet()) {
            JsonNode s = stats.get(i++);
            Instant start = anchor.plusSeconds(b.getKey() * period);
            assertThat(s.get("period").asLong()).isEqualTo(period);
            assertThat(s.get("period_start").asText()).isEqualTo(naive(start));
            assertThat(s.get("period_end").asText()).isEqualTo(naive(start.plusSeconds(period)));
            assertThat(s.get("count").asLong()).isEqualTo(b.getValue().size());
            assertThat(s.get("sum").asDouble()).isCloseTo(sum(b.getValue()), within(1e-6));
        }
    }

    @Test
    void statisticsWithinATimeRangeAreClampedToIt() {
        List<Instant> times = memory.stream().map(ApiIT::ts).sorted().toList();
        Instant from = times.get(times.size() / 3).minusSeconds(1);
        Instant to = times.get(2 * times.size() / 3).plusSeconds(1);
        List<JsonNode> inRange = memoryWhere(x -> !ts(x).isBefore(from) && ts(x).isBefore(to));
        JsonNode s = ok(
                        "/v2/meters/" + METER + "/statistics?" + q("timestamp", "ge", naive(from)) + "&"
                                + q("timestamp", "lt", naive(to)),
                        ADMIN)
                .get(0);
        assertThat(s.get("count").asLong()).isEqualTo(inRange.size());
        assertThat(s.get("sum").asDouble()).isCloseTo(sum(inRange), within(1e-6));
    }

    @Test
    void selectableAggregates() {
        // volume.size: a meter whose corpus samples all have a volume
        List<JsonNode> measured = Corpus.expectedSamples().stream()
                .filter(x -> x.get("name").asText().equals("volume.size"))
                .toList();
        assertThat(measured).isNotEmpty().allSatisfy(x -> assertThat(x.hasNonNull("volume"))
                .isTrue());
        double mean = sum(measured) / measured.size();
        double variance = measured.stream()
                        .mapToDouble(x -> Math.pow(x.get("volume").asDouble() - mean, 2))
                        .sum()
                / measured.size();
        JsonNode s = ok(
                        "/v2/meters/volume.size/statistics?aggregate.func=stddev&aggregate.func=cardinality"
                                + "&aggregate.param=&aggregate.param=resource_id&aggregate.func=max",
                        ADMIN)
                .get(0);
        JsonNode a = s.get("aggregate");
        assertThat(a.get("stddev").asDouble()).isCloseTo(Math.sqrt(variance), within(1e-6));
        assertThat(a.get("cardinality/resource_id").asLong())
                .isEqualTo(measured.stream()
                        .map(x -> x.get("resource_id").asText())
                        .distinct()
                        .count());
        assertThat(a.get("max").asDouble())
                .isEqualTo(measured.stream()
                        .mapToDouble(x -> x.get("volume").asDouble())
                        .max()
                        .orElseThrow());
        assertThat(s.has("sum")).isFalse();
        assertThat(s.has("count")).isFalse();

        // Ceilometer's MongoDB stddev divides by the count of samples, those without a volume included
        double n = memory.size();
        double sum = sum(memory);
        double squares = memory.stream()
                .filter(x -> x.hasNonNull("volume"))
                .mapToDouble(x -> Math.pow(x.get("volume").asDouble(), 2))
                .sum();
        assertThat(ok("/v2/meters/" + METER + "/statistics?aggregate.func=stddev", ADMIN)
                        .get(0)
                        .get("aggregate")
                        .get("stddev")
                        .asDouble())
                .isCloseTo(Math.sqrt(squares * n - sum * sum) / n, within(1e-6));
    }

    @Test
    void eachSelectableAggregateAlone() {
        List<JsonNode> sizes = Corpus.expectedSamples().stream()
                .filter(x -> x.get("name").asText().equals("volume.size"))
                .toList();
        double[] v = sizes.stream().mapToDouble(x -> x.get("volume").asDouble()).toArray();
        Map<String, Double> expected = Map.of(
                "min", java.util.Arrays.stream(v).min().orElseThrow(),
                "max", java.util.Arrays.stream(v).max().orElseThrow(),
                "sum", java.util.Arrays.stream(v).sum(),
                "avg", java.util.Arrays.stream(v).average().orElseThrow(),
                "count", (double) v.length);
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            JsonNode s = ok("/v2/meters/volume.size/statistics?aggregate.func=" + e.getKey(), ADMIN)
                    .get(0);
            assertThat(s.get("aggregate").get(e.getKey()).asDouble())
                    .as(e.getKey())
                    .isCloseTo(e.getValue(), within(1e-6));
            assertThat(s.get("aggregate").size()).isOne();
        }
        for (String field : List.of("project_id", "user_id")) {
            JsonNode s = ok(
                            "/v2/meters/volume.size/statistics?aggregate.func=cardinality&aggregate.param=" + field,
                            ADMIN)
                    .get(0);
            assertThat(s.get("aggregate").get("cardinality/" + field).asLong())
                    .isEqualTo(sizes.stream()
                            .filter(x -> x.hasNonNull(field))
                            .map(x -> x.get(field).asText())
                            .distinct()
                            .count());
        }
        assertThat(api.get("/v2/meters/volume.size/statistics?aggregate.func=cardinality&aggregate.param=colour", ADMIN)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void statisticsPerSourceAndPerMetadataValue() {
        JsonNode bySource = ok("/v2/meters/" + METER + "/statistics?groupby=source", ADMIN);
        assertThat(bySource).hasSize(1);
        assertThat(bySource.get(0).get("groupby").get("source").asText()).isEqualTo("openstack");
        assertThat(bySource.get(0).get("count").asLong()).isEqualTo(memory.size());

        Map<Object, Long> perHost = store.allSamples().stream()
                .filter(d -> d.getString("counter_name").equals(METER))
                .collect(Collectors.groupingBy(
                        d -> String.valueOf(
                                d.get("resource_metadata", Document.class).get("host")),
                        Collectors.counting()));
        JsonNode byHost = ok("/v2/meters/" + METER + "/statistics?groupby=resource_metadata.host", ADMIN);
        Map<Object, Long> listed = new TreeMap<>();
        for (JsonNode s : byHost) {
            JsonNode host = s.get("groupby").get("resource_metadata.host");
            listed.put(host.isNull() ? "null" : host.asText(), s.get("count").asLong());
        }
        assertThat(listed).isEqualTo(new TreeMap<>(perHost));
    }

    @Test
    void periodsStartAtTheQuerysStart() {
        Instant start = memory.stream()
                .map(ApiIT::ts)
                .min(Comparator.naturalOrder())
                .orElseThrow()
                .minus(Duration.ofMinutes(90));
        long period = 86_400L * 400;
        Map<Long, Long> expected = new TreeMap<>(memory.stream()
                .collect(Collectors.groupingBy(
                        x -> Math.floorDiv(Duration.between(start, ts(x)).getSeconds(), period),
                        Collectors.counting())));
        JsonNode stats = ok(
                "/v2/meters/" + METER + "/statistics?period=" + period + "&" + q("timestamp", "ge", naive(start)),
                ADMIN);
        Map<Long, Long> listed = new TreeMap<>();
        for (JsonNode s : stats) {
            Instant periodStart =
                    Timestamps.parse(s.get("period_start").asText()).orElseThrow();
            long index = Duration.between(start, periodStart).getSeconds() / period;
            assertThat(periodStart).isEqualTo(start.plusSeconds(index * period));
            listed.put(index, s.get("count").asLong());
        }
        assertThat(listed).isEqualTo(expected);
    }

    // ---- resources and events

    @Test
    void resourcesWithSelfAndMeterLinks() {
        JsonNode list = ok("/v2/resources?limit=1000&" + q("project_id", "eq", projectA), ADMIN);
        assertThat(list).isNotEmpty();
        JsonNode r = list.get(0);
        String id = r.get("resource_id").asText();
        String base = "http://127.0.0.1:" + hub.httpPort();
        assertThat(r.get("links").get(0).get("rel").asText()).isEqualTo("self");
        assertThat(r.get("links").get(0).get("href").asText()).isEqualTo(base + "/v2/resources/" + id);
        Set<String> meters = store.allSamples().stream()
                .filter(d -> id.equals(d.getString("resource_id")))
                .map(d -> d.getString("counter_name"))
                .collect(Collectors.toSet());
        Set<String> linked = new HashSet<>();
        for (int i = 1; i < r.get("links").size(); i++) {
            JsonNode l = r.get("links").get(i);
            linked.add(l.get("rel").asText());
            assertThat(l.get("href").asText())
                    .isEqualTo(base + "/v2/meters/" + l.get("rel").asText() + "?q.field=resource_id&q.value=" + id);
        }
        assertThat(linked).isEqualTo(meters);
        assertThat(ok("/v2/resources/" + enc(id), ADMIN)).isEqualTo(r);
        assertThat(ok("/v2/resources?meter_links=0&limit=1&" + q("resource_id", "eq", id), ADMIN)
                        .get(0)
                        .get("links"))
                .hasSize(1);
    }

    @Test
    void eventsTheirTypesAndTraits() {
        JsonNode expected = Corpus.expectedEvents().get(0);
        String id = expected.get("message_id").asText();
        JsonNode e = ok("/v2/events/" + id, ADMIN);
        assertThat(e.get("event_type").asText())
                .isEqualTo(expected.get("event_type").asText());
        assertThat(e.get("generated").asText())
                .isEqualTo(expected.get("generated").asText());
        assertThat(e.get("traits")).anySatisfy(t -> {
            assertThat(t.get("name").asText()).isEqualTo("memory_mb");
            assertThat(t.get("type").asText()).isEqualTo("integer");
            assertThat(t.get("value").asText()).isEqualTo("512");
        });
        String type = expected.get("event_type").asText();
        JsonNode ofType = ok("/v2/events?limit=1000&q.field=event_type&q.value=" + type, ADMIN);
        long expectedCount = Corpus.expectedEvents().stream()
                .filter(x -> x.get("event_type").asText().equals(type))
                .count();
        assertThat(ofType).hasSize((int) expectedCount);
        assertThat(ok(
                        "/v2/events?limit=1000&q.field=memory_mb&q.op=ge&q.type=integer&q.value=512"
                                + "&q.field=event_type&q.op=eq&q.type=&q.value=" + type,
                        ADMIN))
                .isNotEmpty()
                .allSatisfy(x -> assertThat(x.get("event_type").asText()).isEqualTo(type));
        assertThat(ok("/v2/event_types", ADMIN))
                .anySatisfy(t -> assertThat(t.asText()).isEqualTo(type));
        assertThat(ok("/v2/event_types/" + type + "/traits", ADMIN))
                .anySatisfy(t -> assertThat(t.toString()).isEqualTo("{\"name\":\"memory_mb\",\"type\":\"integer\"}"));
        assertThat(ok("/v2/event_types/" + type + "/traits/memory_mb", ADMIN))
                .hasSize((int) expectedCount)
                .allSatisfy(t -> assertThat(t.get("name").asText()).isEqualTo("memory_mb"));
    }

    @Test
    void eventQueriesWithEachTraitOperatorAndATimeRange() {
        // the oracle: the events as stored (the shipped event definitions add traits Ceilometer 19's lack)
        List<Document> all = hub.database().getCollection("events").find().into(new ArrayList<>());
        Map<String, java.util.function.BiPredicate<Long, Long>> ops = Map.of(
                "eq", (a, b) -> a.equals(b),
                "ne", (a, b) -> !a.equals(b),
                "lt", (a, b) -> a < b,
                "le", (a, b) -> a <= b,
                "gt", (a, b) -> a > b,
                "ge", (a, b) -> a >= b);
        for (Map.Entry<String, java.util.function.BiPredicate<Long, Long>> op : ops.entrySet()) {
            long expected = all.stream()
                    .filter(e -> trait(e, "memory_mb") instanceof Number)
                    .filter(e -> op.getValue().test(((Number) trait(e, "memory_mb")).longValue(), 1024L))
                    .count();
            JsonNode found = ok(
                    "/v2/events?limit=10000&q.field=memory_mb&q.type=integer&q.value=1024&q.op=" + op.getKey(), ADMIN);
            assertThat(found.size()).as(op.getKey()).isEqualTo((int) expected);
        }
        List<Instant> generated = all.stream()
                .map(e -> e.getDate("generated").toInstant())
                .sorted()
                .toList();
        Instant from = generated.get(generated.size() / 4);
        Instant to = generated.get(3 * generated.size() / 4);
        long inRange = generated.stream()
                .filter(g -> !g.isBefore(from) && g.isBefore(to))
                .count();
        JsonNode ranged = ok(
                "/v2/events?limit=10000&q.field=start_timestamp&q.op=ge&q.value=" + naive(from)
                        + "&q.field=end_timestamp&q.op=le&q.value=" + naive(to),
                ADMIN);
        assertThat(ranged.size()).isEqualTo((int) inRange);
        Object tenant = trait(all.get(0), "tenant_id");
        JsonNode ofTenant = ok("/v2/events?limit=10000&q.field=tenant_id&q.value=" + tenant, ADMIN);
        assertThat(ofTenant.size()).isEqualTo((int)
                all.stream().filter(e -> tenant.equals(trait(e, "tenant_id"))).count());
    }

    /** The value of a trait of a stored event, or null. */
    private static Object trait(Document event, String name) {
        for (Document t : event.getList("traits", Document.class)) {
            if (t.getString("name").equals(name)) {
                return t.get("value");
            }
        }
        return null;
    }

    // ---- v1, capabilities, OpenAPI, posting

    @Test
    void v1UsageSummaries() {
        List<JsonNode> ofA = memoryWhere(x -> x.get("project_id").asText().equals(projectA));
        JsonNode sum = ok("/v1/projects/" + projectA + "/meters/" + METER + "/volume/sum", ADMIN);
        assertThat(sum.get("volume").asDouble()).isCloseTo(sum(ofA), within(1e-6));
        JsonNode max = ok("/v1/projects/" + projectA + "/meters/" + METER + "/volume/max", TOKEN_A);
        assertThat(max.get("volume").asDouble())
                .isEqualTo(ofA.stream()
                        .mapToDouble(x -> x.get("volume").asDouble())
                        .max()
                        .orElseThrow());
        String resource = ofA.get(0).get("resource_id").asText();
        List<JsonNode> ofResource =
                memoryWhere(x -> x.get("resource_id").asText().equals(resource));
        assertThat(ok("/v1/resources/" + resource + "/meters/" + METER + "/volume/sum", ADMIN)
                        .get("volume")
                        .asDouble())
                .isCloseTo(sum(ofResource), within(1e-6));
        JsonNode d = ok("/v1/resources/" + resource + "/meters/" + METER + "/duration", ADMIN);
        Instant first = ofResource.stream()
                .map(ApiIT::ts)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Instant last = ofResource.stream()
                .map(ApiIT::ts)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        assertThat(d.get("start_timestamp").asText()).isEqualTo(naive(first));
        assertThat(d.get("end_timestamp").asText()).isEqualTo(naive(last));
        assertThat(d.get("duration").asDouble())
                .isCloseTo(Duration.between(first, last).toNanos() / 1e9, within(1e-6));
        String user = ofA.stream()
                .filter(x -> x.hasNonNull("user_id"))
                .findFirst()
                .orElseThrow()
                .get("user_id")
                .asText();
        assertThat(ok("/v1/users/" + user + "/meters/" + METER + "/volume/sum", ADMIN)
                        .get("volume")
                        .asDouble())
                .isCloseTo(sum(memoryWhere(x -> user.equals(x.path("user_id").asText()))), within(1e-6));
        assertThat(ok("/v1/users/nobody/meters/" + METER + "/volume/max", ADMIN)
                        .get("volume")
                        .isNull())
                .isTrue();
        assertThat(ok(
                                "/v1/resources/" + resource + "/meters/" + METER
                                        + "/duration?start_timestamp=2030-01-01T00:00:00",
                                ADMIN)
                        .get("duration")
                        .isNull())
                .isTrue();
    }

    @Test
    void capabilitiesAndTheOpenApiDocument() {
        JsonNode c = ok("/v2/capabilities", TOKEN_A);
        assertThat(c.get("api").get("samples:query:complex").asBoolean()).isTrue();
        assertThat(c.get("api")
                        .get("statistics:aggregation:selectable:quartile")
                        .asBoolean())
                .isFalse();
        assertThat(c.get("storage").get("storage:production_ready").asBoolean()).isFalse();
        ApiClient.Reply doc = api.get("/openapi.json", null);
        assertThat(doc.status()).isEqualTo(200);
        JsonNode paths = doc.json().get("paths");
        assertThat(paths.has("/v2/meters/{name}/statistics")).isTrue();
        assertThat(paths.has("/v2/query/samples")).isTrue();
        assertThat(paths.has("/v1/resources/{resource}/meters/{meter}/duration"))
                .isTrue();
    }

    @Test
    void postedSamplesAreStoredDirectlyOrThroughThePipeline() {
        String sample = "[{\"counter_name\": \"api.test\", \"counter_type\": \"gauge\", \"counter_unit\": \"thing\", "
                + "\"counter_volume\": 3, \"resource_id\": \"posted-%s\", \"timestamp\": \"2020-01-01T00:00:00\", "
                + "\"resource_metadata\": {\"a.b\": \"c\"}}]";
        for (String direct : List.of("True", "False")) {
            ApiClient.Reply r = api.post("/v2/meters/api.test?direct=" + direct, TOKEN_A, sample.formatted(direct));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            JsonNode echo = r.json().get(0);
            assertThat(echo.get("project_id").asText()).isEqualTo(projectA);
            assertThat(echo.get("source").asText()).isEqualTo(projectA + ":openstack");
            assertThat(echo.get("message_id").asText()).isNotEmpty();
            JsonNode stored = ok("/v2/samples/" + echo.get("message_id").asText(), TOKEN_A);
            assertThat(stored.get("resource_id").asText()).isEqualTo("posted-" + direct);
            assertThat(stored.get("volume").asDouble()).isEqualTo(3.0);
            assertThat(stored.get("metadata").get("a.b").asText()).isEqualTo("c");
        }
        error(
                api.post(
                        "/v2/meters/api.test",
                        TOKEN_A,
                        sample.formatted("x")
                                .replace(
                                        "\"counter_volume\"",
                                        "\"project_id\": \"" + projectB + "\", \"counter_volume\"")),
                403,
                "Not Authorized to access project " + projectB);
        error(
                api.post("/v2/meters/other", TOKEN_A, sample.formatted("x")),
                400,
                "Invalid input for field/attribute counter_name. Value: 'api.test'. should be other");
        error(api.post("/v2/meters/api.test", TOKEN_A, "[]"), 400, "Samples should be included in request body");
    }

    // ---- no cross-project leak

    @Test
    void aProjectTokenNeverSeesAnotherProjectThroughAnyEndpoint() {
        Document sampleOfB = store.allSamples().stream()
                .filter(d -> projectB.equals(d.getString("project_id")))
                .findFirst()
                .orElseThrow();
        String resourceOfB = sampleOfB.getString("resource_id");
        String userOfB = memory.stream()
                .filter(x -> x.get("project_id").asText().equals(projectB) && x.hasNonNull("user_id"))
                .findFirst()
                .map(x -> x.get("user_id").asText())
                .orElse("none");
        String eventOfB = Corpus.expectedEvents().stream()
                .filter(e -> e.get("traits").toString().contains("[\"project_id\",1,\"" + projectB + "\"]"))
                .findFirst()
                .orElseThrow()
                .get("message_id")
                .asText();
        String naming = q("project_id", "eq", projectB);
        List<String> sweep = List.of(
                "/v2/meters?limit=10000",
                "/v2/meters?limit=10000&" + naming,
                "/v2/meters?limit=10000&" + q("resource_id", "eq", resourceOfB),
                "/v2/meters/" + METER + "?limit=10000",
                "/v2/meters/" + METER + "?limit=10000&" + naming,
                "/v2/meters/" + METER + "/statistics?groupby=project_id",
                "/v2/meters/" + METER + "/statistics?groupby=resource_id&" + naming,
                "/v2/meters/" + METER + "/statistics?" + q("user_id", "eq", userOfB),
                "/v2/samples?limit=10000",
                "/v2/samples?limit=10000&" + naming,
                "/v2/resources?limit=10000",
                "/v2/resources?limit=10000&" + naming,
                "/v2/events?limit=10000",
                "/v2/events?limit=10000&q.field=project_id&q.value=" + projectB,
                "/v1/users/" + userOfB + "/meters/" + METER + "/volume/sum",
                "/v1/resources/" + resourceOfB + "/meters/" + METER + "/volume/max",
                "/v1/resources/" + resourceOfB + "/meters/" + METER + "/duration");
        int adminSawB = 0;
        for (String path : sweep) {
            JsonNode asA = ok(path, TOKEN_A);
            assertThat(projectsIn(asA)).as(path).isSubsetOf(projectA);
            if (projectsIn(ok(path, ADMIN)).contains(projectB)) {
                adminSawB++; // the same request shows B to an admin: the sweep can see a leak
            }
        }
        assertThat(adminSawB).isGreaterThanOrEqualTo(8);
        assertThat(ok("/v2/samples?limit=10000&" + naming, TOKEN_A)).isEmpty();
        assertThat(ok("/v2/resources?limit=10000&" + naming, TOKEN_A)).isEmpty();
        assertThat(ok("/v1/users/" + userOfB + "/meters/" + METER + "/volume/sum", TOKEN_A)
                        .get("volume")
                        .isNull())
                .isTrue();
        assertThat(ok("/v1/resources/" + resourceOfB + "/meters/" + METER + "/duration", TOKEN_A)
                        .get("duration")
                        .isNull())
                .isTrue();
        error(api.get("/v2/samples/" + sampleOfB.getString("_id"), TOKEN_A), 404, null);
        error(api.get("/v2/resources/" + enc(resourceOfB), TOKEN_A), 404, null);
        error(api.get("/v2/events/" + eventOfB, TOKEN_A), 404, null);
        error(api.get("/v1/projects/" + projectB + "/meters/" + METER + "/volume/sum", TOKEN_A), 404, null);
        error(api.get("/v2/event_types/compute.instance.create.end/traits", TOKEN_A), 403, null);
        error(api.get("/v2/event_types/compute.instance.create.end/traits/project_id", TOKEN_A), 403, null);
        String complex = "{\"filter\": " + json("{\"=\": {\"project_id\": \"" + projectB + "\"}}") + "}";
        assertThat(api.post("/v2/query/samples", TOKEN_A, complex).json()).isEmpty();
        assertThat(api.post("/v2/query/samples", ADMIN, complex).json()).isNotEmpty();
        assertThat(ok("/v2/events/" + eventOfB, TOKEN_B).get("message_id").asText())
                .isEqualTo(eventOfB);
    }

    /** Every project a response names: project_id fields, groupby values, project_id traits. */
    private static Set<String> projectsIn(JsonNode n) {
        Set<String> out = new HashSet<>();
        collect(n, out);
        return out;
    }

    private static void collect(JsonNode n, Set<String> out) {
        if (n.isObject()) {
            if (n.hasNonNull("project_id")) {
                out.add(n.get("project_id").asText());
            }
            if ("project_id".equals(n.path("name").asText()) && n.has("value")) {
                out.add(n.get("value").asText());
            }
            n.forEach(c -> collect(c, out));
        } else if (n.isArray()) {
            n.forEach(c -> collect(c, out));
        }
    }
}
