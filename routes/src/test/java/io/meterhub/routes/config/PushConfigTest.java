package io.meterhub.routes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterhub.routes.push.Backoff;
import io.meterhub.routes.websub.WebSubSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PushConfigTest {

    @Test
    void defaultsRetryFromOneSecondToFiveMinutesForADayAndLeasesOfADayUpToThirty() {
        HubConfig config = HubConfig.of(Map.of());
        assertThat(PushConfig.backoff(config))
                .isEqualTo(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofDays(1)));
        assertThat(PushConfig.websub(config)).isEqualTo(new WebSubSettings(Duration.ofDays(1), Duration.ofDays(30)));
        assertThat(config.get(HubOptions.PUSH_INTERVAL)).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.get(HubOptions.ATOMPUB_PUSH_URL)).isEmpty();
        assertThat(config.get(HubOptions.ATOMPUB_PUSH_FEEDS)).isEqualTo(List.of("notifications"));
    }

    @Test
    void readsTheAtomPubTargetAndItsFeeds() {
        HubConfig config = HubConfig.of(Map.of(
                "atompub-push-url", "http://atomhopper:8080/namespace/feed",
                "atompub-push-feeds", "notifications/compute.instance.exists, events/image.upload"));
        assertThat(config.get(HubOptions.ATOMPUB_PUSH_URL))
                .map(Object::toString)
                .isEqualTo(Optional.of("http://atomhopper:8080/namespace/feed"));
        assertThat(config.get(HubOptions.ATOMPUB_PUSH_FEEDS))
                .containsExactly("notifications/compute.instance.exists", "events/image.upload");
    }

    @Test
    void refusesBadValuesNamingTheOption() {
        assertThatThrownBy(() -> HubConfig.of(Map.of("push-retry", "0s")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("option --push-retry");
        assertThatThrownBy(() -> HubConfig.of(Map.of("atompub-push-url", "amqp://x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("option --atompub-push-url");
        assertThatThrownBy(() -> HubConfig.of(Map.of("atompub-push-feeds", "meters")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("option --atompub-push-feeds");
        assertThatThrownBy(() -> PushConfig.backoff(HubConfig.of(Map.of("push-retry", "10s", "push-retry-max", "1s"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--push-retry-max");
        assertThatThrownBy(() -> PushConfig.websub(HubConfig.of(Map.of("websub-lease", "40d"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--websub-lease");
    }
}
