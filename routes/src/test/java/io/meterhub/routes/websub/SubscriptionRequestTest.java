package io.meterhub.routes.websub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterhub.feeds.read.Feed;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriptionRequestTest {

    private static final WebSubSettings SETTINGS = new WebSubSettings(Duration.ofDays(1), Duration.ofDays(30));
    private static final String TOPIC = "http://hub:8777/feeds/notifications/compute.instance.exists";

    private static Map<String, String> form(String... kv) {
        Map<String, String> m = new HashMap<>();
        m.put("hub.mode", "subscribe");
        m.put("hub.topic", TOPIC);
        m.put("hub.callback", "https://billing.example/cb?x=1");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void readsTopicCallbackLeaseSecretAndTheCallersProject() {
        Subscription s = SubscriptionRequest.parse(
                form(
                        "hub.lease_seconds",
                        "3600",
                        "hub.secret",
                        "k",
                        "hub.topic",
                        TOPIC + "?search=%2Btid%3Ap1&limit=5"),
                Optional.of("p1"),
                SETTINGS);
        assertThat(s.subscribe()).isTrue();
        assertThat(s.feed().feed()).isEqualTo(new Feed(Feed.Kind.EVENT_TYPE, "compute.instance.exists"));
        assertThat(s.feed().search()).map(x -> x.text()).contains("(cat=tid:p1)");
        assertThat(s.feed().project()).contains("p1");
        assertThat(s.lease()).isEqualTo(Duration.ofHours(1));
        assertThat(s.secret()).contains("k");
        assertThat(s.feedUrl()).isEqualTo(TOPIC);
        assertThat(s.hubUrl()).isEqualTo("http://hub:8777/hub");
    }

    @Test
    void grantsTheDefaultLeaseWhenNoneIsAskedAndCapsALongOne() {
        assertThat(SubscriptionRequest.parse(form(), Optional.empty(), SETTINGS).lease())
                .isEqualTo(Duration.ofDays(1));
        assertThat(SubscriptionRequest.parse(form("hub.lease_seconds", "99999999"), Optional.empty(), SETTINGS)
                        .lease())
                .isEqualTo(Duration.ofDays(30));
    }

    @Test
    void theSameTopicAndCallbackAreTheSameSubscription() {
        Subscription a = SubscriptionRequest.parse(form(), Optional.empty(), SETTINGS);
        Subscription b = SubscriptionRequest.parse(form("hub.mode", "unsubscribe"), Optional.empty(), SETTINGS);
        Subscription c = SubscriptionRequest.parse(
                form("hub.callback", "https://billing.example/other"), Optional.empty(), SETTINGS);
        assertThat(a.id()).isEqualTo(b.id()).isNotEqualTo(c.id()).hasSize(64);
    }

    @Test
    void refusesWhatIsNotAWebSubRequestNamingTheField() {
        assertRefused(form("hub.mode", "publish"), "hub.mode");
        assertRefused(form("hub.topic", "http://hub:8777/v2/meters"), "hub.topic");
        assertRefused(form("hub.topic", TOPIC + "/entries/urn:uuid:x"), "hub.topic");
        assertRefused(form("hub.topic", TOPIC + "?search=(AND"), "hub.topic");
        assertRefused(form("hub.callback", "/relative"), "hub.callback");
        assertRefused(form("hub.callback", "ftp://x/cb"), "hub.callback");
        assertRefused(form("hub.lease_seconds", "0"), "hub.lease_seconds");
        assertRefused(form("hub.secret", "s".repeat(200)), "hub.secret");
        Map<String, String> noCallback = form();
        noCallback.remove("hub.callback");
        assertRefused(noCallback, "hub.callback is missing");
    }

    @Test
    void aFieldGivenTwiceInATextFormIsRefused() {
        assertThatThrownBy(() -> SubscriptionRequest.decode("hub.mode=subscribe&hub.mode=unsubscribe"))
                .isInstanceOf(BadSubscriptionException.class)
                .hasMessageContaining("hub.mode");
    }

    private static void assertRefused(Map<String, String> form, String message) {
        assertThatThrownBy(() -> SubscriptionRequest.parse(form, Optional.empty(), SETTINGS))
                .isInstanceOf(BadSubscriptionException.class)
                .hasMessageContaining(message);
    }
}
