package io.meterhub.routes.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterhub.routes.Hub;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AtomPub push out of a running hub to a test AtomPub server that fails the first posts and answers one with 409:
 * every entry of the forwarded feed arrives, in order, as an Atom entry document.
 */
class AtomPubPushIT {

    @TempDir
    Path data;

    @Test
    void forwardsEveryEntryInOrderThroughFailuresAndAConflict() throws Exception {
        try (PushReceiver server = new PushReceiver(3, 201, List.of(6))) {
            Map<String, String> options = WebSubIT.options(data);
            options.put("atompub-push-url", server.url());
            options.put("atompub-push-feeds", "notifications");
            try (Hub hub = HubTestSupport.start(options)) {
                List<String> expected = WebSubIT.ingest(hub, WebSubIT.fresh(30));
                WebSubIT.awaitDelivered(server, expected);
                assertThat(WebSubIT.deliveredInOrder(server)).isEqualTo(expected);
                assertThat(server.posts().subList(0, 3)).allMatch(p -> p.answered() == 503);
                assertThat(server.posts().get(6).answered()).isEqualTo(409);
                assertThat(server.posts())
                        .allSatisfy(p -> assertThat(p.headers().get("content-type"))
                                .isEqualTo("application/atom+xml;type=entry"))
                        .allSatisfy(p -> assertThat(p.entryIds()).hasSize(1));
            }
        }
    }

    @Test
    void resumesFromTheStoredCursorAfterARestart() throws Exception {
        try (PushReceiver server = new PushReceiver(1, 201, List.of())) {
            Map<String, String> options = WebSubIT.options(data);
            options.put("atompub-push-url", server.url());
            options.put("push-retry", "10s"); // the first hub fails once, then stops before trying again
            options.put("push-retry-max", "10s");
            List<String> expected;
            try (Hub first = HubTestSupport.start(options)) {
                expected = new java.util.ArrayList<>(WebSubIT.ingest(first, WebSubIT.fresh(20)));
                org.awaitility.Awaitility.await()
                        .atMost(java.time.Duration.ofSeconds(10))
                        .until(() -> !server.posts().isEmpty());
            }
            assertThat(server.acknowledged()).isEmpty();
            options.put("push-retry", "50ms");
            options.put("push-retry-max", "400ms");
            try (Hub second = HubTestSupport.start(options)) {
                expected.addAll(WebSubIT.ingest(second, WebSubIT.fresh(5)));
                WebSubIT.awaitDelivered(server, expected);
                assertThat(WebSubIT.deliveredInOrder(server)).isEqualTo(expected);
            }
        }
    }

    @Test
    void refusesAnUnknownFeedAtStartUpNamingTheOption() {
        Map<String, String> options = WebSubIT.options(data);
        options.put("atompub-push-feeds", "notifications,bogus/x/y");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> HubTestSupport.start(options).close())
                .hasMessageContaining("--atompub-push-feeds")
                .hasMessageContaining("bogus/x/y");
    }
}
