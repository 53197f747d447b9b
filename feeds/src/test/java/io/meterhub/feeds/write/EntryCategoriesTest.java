package io.meterhub.feeds.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterhub.feeds.FeedSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntryCategoriesTest {

    @Test
    void termsInRenderingOrderWithoutRepeats() {
        EntryCategories categories =
                new EntryCategories(new FeedSettings(Optional.of("RegionOne"), List.of("dc:ORD1")));

        assertThat(categories.of(
                        "compute.instance.exists",
                        List.of("p1", "p2"),
                        "compute.node-1.example",
                        List.of("memory", "vcpus")))
                .containsExactly(
                        "compute.instance.exists",
                        "tid:p1",
                        "tid:p2",
                        "host:node-1.example",
                        "meter:memory",
                        "meter:vcpus",
                        "rgn:RegionOne",
                        "dc:ORD1");
    }

    @Test
    void theHostIsWhatFollowsTheServiceInThePublisherId() {
        assertThat(EntryCategories.host("image.localhost")).contains("localhost");
        assertThat(EntryCategories.host("ceilometer")).contains("ceilometer");
        assertThat(EntryCategories.host("compute.")).isEmpty();
        assertThat(EntryCategories.host(null)).isEmpty();
    }
}
