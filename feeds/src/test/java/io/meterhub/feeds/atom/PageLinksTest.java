package io.meterhub.feeds.atom;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterhub.feeds.read.Direction;
import io.meterhub.feeds.read.Feed;
import io.meterhub.feeds.read.FeedEntry;
import io.meterhub.feeds.read.FeedPage;
import io.meterhub.feeds.read.FeedQuery;
import io.meterhub.feeds.read.Position;
import io.meterhub.feeds.search.SearchParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PageLinksTest {

    private static final String FEED = "http://hub:8777/feeds/notifications";

    private static FeedEntry entry(long seq) {
        return new FeedEntry(
                new Position(seq, 0),
                "urn:uuid:" + seq,
                "compute.instance.exists",
                Instant.EPOCH,
                Instant.EPOCH,
                List.of(),
                "application/json",
                "{}");
    }

    private static Map<String, String> links(FeedPage page) {
        return PageLinks.of(page, FEED).stream().collect(Collectors.toMap(Link::rel, Link::href));
    }

    @Test
    void theHeadLinksOlderEntriesAndNewerOnes() {
        FeedPage page = new FeedPage(
                FeedQuery.head(Feed.notifications(), 25), List.of(entry(30), entry(29), entry(6)), true, 30);

        assertThat(links(page))
                .containsEntry("self", FEED + "?direction=backward")
                .containsEntry("current", FEED)
                .containsEntry("first", FEED)
                .containsEntry("last", FEED + "?direction=forward")
                .containsEntry("next", FEED + "?marker=6&direction=backward")
                .containsEntry("previous", FEED + "?marker=30&direction=forward");
    }

    @Test
    void theOldestPageHasNoNextLinkAndEveryLinkKeepsLimitAndSearch() {
        FeedQuery q = new FeedQuery(
                Feed.notifications(),
                Optional.of(SearchParser.parse("+a+b")),
                Optional.empty(),
                new FeedQuery.Marker(new Position(3, 0)),
                Direction.BACKWARD,
                2);
        FeedPage page = new FeedPage(q, List.of(entry(2), entry(1)), false, 30);

        Map<String, String> links = links(page);

        String common = "&limit=2&search=%28OR%28cat%3Da%29%28cat%3Db%29%29";
        assertThat(links)
                .doesNotContainKey("next")
                .containsEntry("self", FEED + "?marker=3&direction=backward" + common)
                .containsEntry("previous", FEED + "?marker=2&direction=forward" + common)
                .containsEntry("current", FEED + "?" + common.substring(1));
    }

    @Test
    void anEmptyForwardPageLinksBackToWhereItStarted() {
        FeedQuery q = new FeedQuery(
                Feed.notifications(),
                Optional.empty(),
                Optional.empty(),
                new FeedQuery.Marker(new Position(30, 0)),
                Direction.FORWARD,
                25);
        FeedPage page = new FeedPage(q, List.of(), true, 30);

        assertThat(links(page))
                .containsEntry("previous", FEED + "?marker=30&direction=forward")
                .containsEntry("next", FEED + "?marker=30&direction=backward");
    }

    @Test
    void theETagChangesWithTheEntriesAndMatchesIfNoneMatchLists() {
        FeedPage one = new FeedPage(FeedQuery.head(Feed.notifications(), 25), List.of(entry(1)), false, 1);
        FeedPage two = new FeedPage(FeedQuery.head(Feed.notifications(), 25), List.of(entry(2), entry(1)), true, 2);
        String tagOne = PageETag.of(one, PageLinks.of(one, FEED));

        assertThat(tagOne).isEqualTo(PageETag.of(one, PageLinks.of(one, FEED))).startsWith("\"");
        assertThat(tagOne).isNotEqualTo(PageETag.of(two, PageLinks.of(two, FEED)));
        assertThat(PageETag.matches("\"x\", " + tagOne, tagOne)).isTrue();
        assertThat(PageETag.matches("W/" + tagOne, tagOne)).isTrue();
        assertThat(PageETag.matches("*", tagOne)).isTrue();
        assertThat(PageETag.matches("\"other\"", tagOne)).isFalse();
        assertThat(PageETag.matches(null, tagOne)).isFalse();
    }
}
