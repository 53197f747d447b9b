package io.meterhub.routes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterhub.feeds.FeedSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedsConfigTest {

    @Test
    void byDefaultNoRegionNoExtraCategoriesAndPostsUpToOneMebibyte() {
        HubConfig config = HubConfig.of(Map.of());

        assertThat(FeedsConfig.settings(config)).isEqualTo(FeedSettings.defaults());
        assertThat(config.get(HubOptions.FEEDS_MAX_POST)).isEqualTo(1024 * 1024);
    }

    @Test
    void readsRegionAndCategoryTerms() {
        HubConfig config = HubConfig.of(Map.of(
                "feeds-region",
                "RegionOne",
                "feeds-categories",
                " dc:DFW1 , billing:yes,dc:DFW1",
                "feeds-max-post",
                "64KiB"));

        assertThat(FeedsConfig.settings(config))
                .isEqualTo(new FeedSettings(Optional.of("RegionOne"), List.of("dc:DFW1", "billing:yes")));
        assertThat(config.get(HubOptions.FEEDS_MAX_POST)).isEqualTo(64 * 1024);
    }

    @Test
    void refusesATermThatIsNoneNamingTheOption() {
        assertThatThrownBy(() -> HubConfig.of(Map.of("feeds-categories", "a,,b")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("option --feeds-categories")
                .hasMessageContaining("is not a category term");
        assertThatThrownBy(() -> HubConfig.of(Map.of("feeds-region", "one,two")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("option --feeds-region");
        assertThatThrownBy(() -> HubConfig.of(Map.of("feeds-max-post", "lots")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("option --feeds-max-post");
    }
}
