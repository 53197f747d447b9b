package io.meterhub.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.feeds.FeedOracle.Expected;
import io.meterhub.feeds.atom.Link;
import io.meterhub.feeds.atom.PageLinks;
import io.meterhub.feeds.read.BadFeedRequestException;
import io.meterhub.feeds.read.Direction;
import io.meterhub.feeds.read.Feed;
import io.meterhub.feeds.read.FeedEntry;
import io.meterhub.feeds.read.FeedPage;
import io.meterhub.feeds.read.FeedQuery;
import io.meterhub.feeds.read.FeedSource;
import io.meterhub.feeds.read.PageParameters;
import io.meterhub.feeds.search.Search;
import io.meterhub.feeds.search.SearchParser;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paging, search, feeds and single entries over 10,000 entries of real notifications in the real embedded store,
 * each result checked against what {@link FeedOracle} works out from the entries themselves. Pages are followed by
 * their own links, as a reader follows them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedSourceIT {

    private static final int ENTRIES = 10_000;
    private static final String URL = "http://hub/feeds/";

    @TempDir
    static Path dir;

    private FeedStore store;
    private FeedSource source;
    private String busiestType;
    private String otherType;
    private String busiestProject;
    private String meter;

    @BeforeAll
    void ingest() throws Exception {
        store = new FeedStore(dir, FeedSettings.defaults());
        source = store.feeds.source();
        store.ingest(CorpusTranslations.fresh(ENTRIES));
        FeedOracle oracle = oracle();
        List<String> types = mostCommon(oracle, d -> List.of(d.getString(FeedNames.EVENT_TYPE)));
        busiestType = types.get(0);
        otherType = types.get(1);
        busiestProject = mostCommon(
                        oracle,
                        d -> d.getString(FeedNames.PROJECT) == null
                                ? List.of()
                                : List.of(d.getString(FeedNames.PROJECT)))
                .get(0);
        meter = mostCommon(oracle, d -> d.getList(FeedNames.CATEGORIES, String.class).stream()
                        .filter(t -> t.startsWith(CategoryTerms.METER))
                        .map(t -> t.substring(CategoryTerms.METER.length()))
                        .toList())
                .get(0);
    }

    @AfterAll
    void close() {
        store.close();
    }

    private FeedOracle oracle() {
        return new FeedOracle(store.db, source.committed());
    }

    private static List<String> mostCommon(FeedOracle oracle, Function<Document, List<String>> values) {
        Map<String, Long> counts = oracle.entries().stream()
                .flatMap(d -> values.apply(d).stream())
                .collect(Collectors.groupingBy(v -> v, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The next query a reader makes: the page's link {@code rel}, read back as a request. */
    private static Optional<FeedQuery> follow(FeedPage page, String rel) {
        return PageLinks.of(page, URL + page.query().feed().path()).stream()
                .filter(l -> l.rel().equals(rel))
                .findFirst()
                .map(Link::href)
                .map(href -> PageParameters.parse(
                        page.query().feed(),
                        URI.create(href).getRawQuery(),
                        page.query().project()));
    }

    /** Every entry from the head back to the oldest, following {@code next} links, newest first. */
    private List<Expected> backward(FeedQuery head) {
        List<Expected> seen = new ArrayList<>();
        Optional<FeedQuery> q = Optional.of(head);
        while (q.isPresent()) {
            FeedPage page = source.page(q.get());
            assertThat(page.entries().size()).isLessThanOrEqualTo(head.limit());
            page.entries().forEach(e -> seen.add(new Expected(e.position(), e.id())));
            q = follow(page, "next");
        }
        return seen;
    }

    /** Every entry from the oldest on, following {@code previous} links until a page is empty, oldest first. */
    private List<Expected> forward(Feed feed, Optional<Search> search, Optional<String> project, int limit) {
        List<Expected> seen = new ArrayList<>();
        FeedQuery q = new FeedQuery(feed, search, project, new FeedQuery.Head(), Direction.FORWARD, limit);
        while (true) {
            FeedPage page = source.page(q);
            if (page.entries().isEmpty()) {
                return seen;
            }
            List<FeedEntry> oldestFirst = new ArrayList<>(page.entries());
            Collections.reverse(oldestFirst);
            oldestFirst.forEach(e -> seen.add(new Expected(e.position(), e.id())));
            q = follow(page, "previous").orElseThrow();
        }
    }

    private static List<Expected> newestFirst(List<Expected> oldestFirst) {
        List<Expected> out = new ArrayList<>(oldestFirst);
        out.sort(Comparator.comparing(Expected::position).reversed());
        return out;
    }

    private FeedQuery head(Feed feed, Optional<Search> search, Optional<String> project, int limit) {
        return new FeedQuery(feed, search, project, new FeedQuery.Head(), Direction.BACKWARD, limit);
    }

    @Test
    void pagingForwardAndBackwardVisitsEveryEntryExactlyOnce() {
        List<Expected> all = oracle().notifications(d -> true);
        assertThat(all).hasSizeGreaterThanOrEqualTo(ENTRIES);

        assertThat(forward(Feed.notifications(), Optional.empty(), Optional.empty(), 25))
                .containsExactlyElementsOf(all);
        assertThat(backward(head(Feed.notifications(), Optional.empty(), Optional.empty(), 25)))
                .containsExactlyElementsOf(newestFirst(all));
        assertThat(backward(head(Feed.notifications(), Optional.empty(), Optional.empty(), 1000)))
                .containsExactlyElementsOf(newestFirst(all));
    }

    @Test
    void pagingVisitsEveryEntryExactlyOnceWhileNewEntriesArrive() throws Exception {
        long before = source.committed();
        FeedQuery head = head(Feed.notifications(), Optional.empty(), Optional.empty(), 100);
        FeedPage first = source.page(head);
        CompletableFuture<Void> arriving = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 10; i++) {
                    store.ingest(CorpusTranslations.fresh(200));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        List<Expected> back = backward(head(Feed.notifications(), Optional.empty(), Optional.empty(), 100));
        List<Expected> seen = new ArrayList<>();
        FeedQuery q = new FeedQuery(
                Feed.notifications(), Optional.empty(), Optional.empty(), new FeedQuery.Head(), Direction.FORWARD, 100);
        while (true) {
            FeedPage page = source.page(q);
            List<FeedEntry> oldestFirst = new ArrayList<>(page.entries());
            Collections.reverse(oldestFirst);
            oldestFirst.forEach(e -> seen.add(new Expected(e.position(), e.id())));
            q = follow(page, "previous").orElseThrow();
            if (page.entries().isEmpty()) {
                if (arriving.isDone() && page.committed() == source.committed()) {
                    break;
                }
                long seenUpTo = page.committed();
                await().atMost(Duration.ofMinutes(2)).until(() -> arriving.isDone() || source.committed() > seenUpTo);
            }
        }
        arriving.get();

        List<Expected> all = oracle().notifications(d -> true);
        assertThat(all).hasSize((int) before + 2000);
        assertThat(seen).containsExactlyElementsOf(all);
        assertThat(back)
                .startsWith(new Expected(
                        first.entries().get(0).position(),
                        first.entries().get(0).id()));
        List<Expected> atLeastTheOnesBefore = newestFirst(all).stream()
                .filter(e -> e.position().seq() <= back.get(0).position().seq())
                .toList();
        assertThat(back).containsExactlyElementsOf(atLeastTheOnesBefore);
    }

    @Test
    void categorySearchesFindExactlyTheMatchingEntriesBothWays() {
        FeedOracle oracle = oracle();
        List<String> searches = List.of(
                "+" + busiestType + "+" + otherType,
                "(AND(cat=" + busiestType + ")(cat=tid:" + busiestProject + "))",
                "(NOT(cat=" + busiestType + "))",
                "(AND(NOT(cat=" + busiestType + "))(OR(cat=meter:" + meter + ")(cat=" + otherType + ")))",
                "(cat=" + busiestType.toUpperCase(java.util.Locale.ROOT) + ")",
                "(cat=no-such-category)");
        for (String text : searches) {
            Search s = SearchParser.parse(text);
            List<Expected> expected = oracle.notifications(d -> FeedOracle.matches(s, d));
            assertThat(backward(head(Feed.notifications(), Optional.of(s), Optional.empty(), 1000)))
                    .as(text)
                    .containsExactlyElementsOf(newestFirst(expected));
            assertThat(forward(Feed.notifications(), Optional.of(s), Optional.empty(), 333))
                    .as(text)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(oracle.notifications(d -> FeedOracle.matches(SearchParser.parse(searches.get(1)), d)))
                .isNotEmpty();
    }

    @Test
    void eachFeedHoldsItsEntriesAndOnlyThose() {
        FeedOracle oracle = oracle();
        Map<Feed, List<Expected>> expected = new HashMap<>();
        expected.put(
                new Feed(Feed.Kind.EVENT_TYPE, busiestType),
                oracle.notifications(d -> d.getString(FeedNames.EVENT_TYPE).equals(busiestType)));
        expected.put(new Feed(Feed.Kind.PROJECT, busiestProject), oracle.notifications(d -> d.getList(
                        FeedNames.CATEGORIES, String.class)
                .contains(CategoryTerms.PROJECT + busiestProject)));
        expected.put(
                new Feed(Feed.Kind.METER, meter), oracle.subEntries(FeedNames.SAMPLES, (d, s) -> s.path("counter_name")
                        .asText()
                        .equals(meter)));
        expected.put(new Feed(Feed.Kind.EVENTS, busiestType), oracle.subEntries(FeedNames.EVENTS, (d, e) -> e.path(
                        "event_type")
                .asText()
                .equals(busiestType)));
        expected.forEach((feed, entries) -> {
            assertThat(entries).as(feed.path()).isNotEmpty();
            assertThat(forward(feed, Optional.empty(), Optional.empty(), 50))
                    .as(feed.path())
                    .containsExactlyElementsOf(entries);
            assertThat(backward(head(feed, Optional.empty(), Optional.empty(), 50)))
                    .as(feed.path())
                    .containsExactlyElementsOf(newestFirst(entries));
        });
    }

    @Test
    void aCallerLimitedToAProjectSeesOnlyThatProjectsEntries() {
        FeedOracle oracle = oracle();
        Optional<String> project = Optional.of(busiestProject);
        List<Expected> notifications = oracle.notifications(d -> busiestProject.equals(d.getString(FeedNames.PROJECT)));
        List<Expected> samples = oracle.subEntries(
                FeedNames.SAMPLES,
                (d, s) -> s.path("counter_name").asText().equals(meter)
                        && busiestProject.equals(s.path("project_id").textValue()));

        assertThat(notifications).isNotEmpty();
        assertThat(backward(head(Feed.notifications(), Optional.empty(), project, 100)))
                .containsExactlyElementsOf(newestFirst(notifications));
        assertThat(forward(new Feed(Feed.Kind.METER, meter), Optional.empty(), project, 100))
                .containsExactlyElementsOf(samples);
        String elsewhere = oracle.entries().stream()
                .filter(d -> d.getString(FeedNames.PROJECT) != null
                        && !busiestProject.equals(d.getString(FeedNames.PROJECT)))
                .findFirst()
                .orElseThrow()
                .getString(FeedNames.ENTRY_ID);
        assertThat(source.entry(Feed.notifications(), elsewhere, project)).isEmpty();
        assertThat(source.entry(Feed.notifications(), elsewhere, Optional.empty()))
                .isPresent();
        assertThat(forward(new Feed(Feed.Kind.PROJECT, "not-" + busiestProject), Optional.empty(), project, 100))
                .isEmpty();
    }

    @Test
    void startingAtFindsTheFirstEntryCommittedAtOrAfterATimeAndTheLastAtOrBeforeIt() {
        List<Document> entries = oracle().entries();
        Instant t = entries.get(entries.size() / 2).getDate(FeedNames.UPDATED).toInstant();
        Document firstAtOrAfter = entries.stream()
                .filter(d -> !d.getDate(FeedNames.UPDATED).toInstant().isBefore(t))
                .findFirst()
                .orElseThrow();
        Document lastAtOrBefore = entries.stream()
                .filter(d -> !d.getDate(FeedNames.UPDATED).toInstant().isAfter(t))
                .reduce((a, b) -> b)
                .orElseThrow();

        FeedPage forward = source.page(new FeedQuery(
                Feed.notifications(),
                Optional.empty(),
                Optional.empty(),
                new FeedQuery.StartingAt(t),
                Direction.FORWARD,
                5));
        FeedPage backward = source.page(new FeedQuery(
                Feed.notifications(),
                Optional.empty(),
                Optional.empty(),
                new FeedQuery.StartingAt(t),
                Direction.BACKWARD,
                5));

        assertThat(forward.entries().get(forward.entries().size() - 1).id())
                .isEqualTo(firstAtOrAfter.getString(FeedNames.ENTRY_ID));
        assertThat(backward.entries().get(0).id()).isEqualTo(lastAtOrBefore.getString(FeedNames.ENTRY_ID));
        assertThat(source.page(new FeedQuery(
                                Feed.notifications(),
                                Optional.empty(),
                                Optional.empty(),
                                new FeedQuery.StartingAt(Instant.parse("2000-01-01T00:00:00Z")),
                                Direction.BACKWARD,
                                5))
                        .entries())
                .isEmpty();
    }

    @Test
    void singleEntriesAreFoundByTheirIdInTheirFeedsOnly() {
        Document doc = oracle().entries().stream()
                .filter(d ->
                        d.getString(FeedNames.EVENT_TYPE).equals(busiestType) && d.getString(FeedNames.SAMPLES) != null)
                .findFirst()
                .orElseGet(() -> oracle().entries().stream()
                        .filter(d -> d.getString(FeedNames.SAMPLES) != null)
                        .findFirst()
                        .orElseThrow());
        String id = doc.getString(FeedNames.ENTRY_ID);
        JsonNode sample = FeedOracleJson.first(doc.getString(FeedNames.SAMPLES));
        String sampleId = "urn:uuid:" + sample.path("message_id").asText();
        Feed samplesFeed = new Feed(Feed.Kind.METER, sample.path("counter_name").asText());

        assertThat(source.entry(Feed.notifications(), id, Optional.empty()).map(FeedEntry::id))
                .contains(id);
        assertThat(source.entry(Feed.notifications(), id.substring("urn:uuid:".length()), Optional.empty()))
                .isPresent();
        assertThat(source.entry(
                        new Feed(Feed.Kind.EVENT_TYPE, doc.getString(FeedNames.EVENT_TYPE)), id, Optional.empty()))
                .isPresent();
        assertThat(source.entry(
                        new Feed(Feed.Kind.EVENT_TYPE, "not." + doc.getString(FeedNames.EVENT_TYPE)),
                        id,
                        Optional.empty()))
                .isEmpty();
        assertThat(source.entry(samplesFeed, sampleId, Optional.empty()).map(FeedEntry::content))
                .hasValueSatisfying(
                        c -> assertThat(c).contains(sample.path("message_id").asText()));
        assertThat(source.entry(
                        Feed.notifications(), "urn:uuid:00000000-0000-0000-0000-000000000000", Optional.empty()))
                .isEmpty();
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        Feed feed = Feed.notifications();
        Map<String, String> bad = Map.of(
                "limit=0", "limit: must be between 1 and 1000, not 0",
                "limit=1001", "limit: must be between 1 and 1000",
                "limit=ten", "limit: 'ten' is not a whole number",
                "direction=sideways", "direction: 'sideways' is neither forward nor backward",
                "marker=urn:uuid:x", "marker: marker 'urn:uuid:x' is not a position",
                "startingAt=yesterday", "startingAt: 'yesterday' is not an ISO-8601 time",
                "marker=5&startingAt=2024-01-01T00:00:00Z", "either marker or startingAt",
                "search=(AND(cat=a)", "search: expected ')'");
        bad.forEach((query, message) -> org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> PageParameters.parse(feed, query, Optional.empty()))
                .as(query)
                .isInstanceOf(BadFeedRequestException.class)
                .hasMessageContaining(message));
        FeedQuery ok = PageParameters.parse(
                feed, "limit=7&direction=FORWARD&marker=12.3&_=123&search=%2Ba%2Bb", Optional.of("p"));
        assertThat(ok.limit()).isEqualTo(7);
        assertThat(ok.direction()).isEqualTo(Direction.FORWARD);
        assertThat(ok.start()).isEqualTo(new FeedQuery.Marker(new io.meterhub.feeds.read.Position(12, 3)));
        assertThat(ok.search()).contains(SearchParser.parse("+a+b"));
        assertThat(ok.project()).contains("p");
    }
}
