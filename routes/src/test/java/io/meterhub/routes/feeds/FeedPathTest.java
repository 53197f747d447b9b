package io.meterhub.routes.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterhub.feeds.read.Feed;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedPathTest {

    private static Optional<FeedPath> parse(String uri) {
        return FeedPath.parse(uri);
    }

    @Test
    void readsEveryFeedAndItsEntries() {
        assertThat(parse("/feeds/notifications")).contains(new FeedPath(Feed.notifications(), Optional.empty()));
        assertThat(parse("/feeds/notifications/?limit=5"))
                .contains(new FeedPath(Feed.notifications(), Optional.empty()));
        assertThat(parse("/feeds/notifications/entries/urn:uuid:abc"))
                .contains(new FeedPath(Feed.notifications(), Optional.of("urn:uuid:abc")));
        assertThat(parse("/feeds/notifications/compute.instance.exists"))
                .contains(new FeedPath(new Feed(Feed.Kind.EVENT_TYPE, "compute.instance.exists"), Optional.empty()));
        assertThat(parse("/feeds/notifications/compute.instance.exists/entries/urn%3Auuid%3Aabc"))
                .contains(new FeedPath(
                        new Feed(Feed.Kind.EVENT_TYPE, "compute.instance.exists"), Optional.of("urn:uuid:abc")));
        assertThat(parse("/feeds/projects/7c150a59"))
                .contains(new FeedPath(new Feed(Feed.Kind.PROJECT, "7c150a59"), Optional.empty()));
        assertThat(parse("/feeds/meters/disk.read.bytes"))
                .contains(new FeedPath(new Feed(Feed.Kind.METER, "disk.read.bytes"), Optional.empty()));
        assertThat(parse("/feeds/events/image.upload/entries/x"))
                .contains(new FeedPath(new Feed(Feed.Kind.EVENTS, "image.upload"), Optional.of("x")));
    }

    @Test
    void decodesSegmentsKeepingAPlusAPlus() {
        assertThat(parse("/feeds/meters/a%20b+c"))
                .contains(new FeedPath(new Feed(Feed.Kind.METER, "a b+c"), Optional.empty()));
    }

    @Test
    void refusesWhatIsNoFeed() {
        for (String bad : new String[] {
            "/feeds",
            "/feeds/",
            "/feeds/projects",
            "/feeds/unknown/x",
            "/feeds/meters/m/entries",
            "/feeds/meters/m/other/x",
            "/feeds/meters/m/entries/x/y",
            "/v2/meters",
            "/feeds/meters/%zz"
        }) {
            assertThat(parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void feedUrlsEscapeTheKey() {
        assertThat(FeedPath.feedUrl("http://h:1", Feed.notifications())).isEqualTo("http://h:1/feeds/notifications");
        assertThat(FeedPath.feedUrl("http://h:1", new Feed(Feed.Kind.METER, "a b/c")))
                .isEqualTo("http://h:1/feeds/meters/a%20b%2Fc");
    }
}
