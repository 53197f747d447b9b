package io.meterhub.routes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.meterhub.model.DeadLetter;
import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import io.meterhub.model.Sample;
import io.meterhub.model.SampleType;
import io.meterhub.model.Translation;
import io.meterhub.routes.Hub;
import io.meterhub.store.StoreNames;
import io.meterhub.store.query.Filter;
import io.meterhub.store.query.StatisticsQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running hub expires what is older than the configured time-to-live, and keeps the rollups longer. */
class RetentionIT {

    @TempDir
    Path dir;

    private static Translation notification(String id, String resource, Instant t) {
        Sample s = new Sample(
                Sample.DEFAULT_SOURCE,
                "retention.test",
                SampleType.GAUGE,
                "B",
                7L,
                "user",
                "project",
                resource,
                t,
                Json.mapper().createObjectNode(),
                id + "-sample");
        return new Translation(
                new Notification(
                        id,
                        "test",
                        "retention.test",
                        "INFO",
                        t,
                        Json.mapper().createObjectNode(),
                        Json.mapper().createObjectNode(),
                        Json.mapper().createObjectNode()),
                List.of(s),
                List.of());
    }

    @Test
    void theHubExpiresOldSamplesResourcesAndDeadLettersAndKeepsTheRollups() throws Exception {
        Map<String, String> options = HubTestSupport.options(dir);
        options.put("ttl-samples", "30d");
        options.put("ttl-dead-letters", "7d");
        options.put("ttl-rollups", "400d");
        options.put("expire-every", "200ms");
        Instant now = Instant.now();
        try (Hub hub = HubTestSupport.start(options)) {
            assertThat(hub.endpoints()).anyMatch(e -> e.contains("samples 30d, rollups 400d, dead letters 7d"));
            hub.writer()
                    .submit(notification("old", "old-resource", now.minus(Duration.ofDays(60))))
                    .get(30, TimeUnit.SECONDS);
            hub.writer()
                    .submit(notification("new", "new-resource", now.minus(Duration.ofHours(1))))
                    .get(30, TimeUnit.SECONDS);
            hub.writer()
                    .submit(new DeadLetter(
                            "dl-old", "not-json", "x", "test", now.minus(Duration.ofDays(8)), new byte[] {1}))
                    .get(30, TimeUnit.SECONDS);
            MongoDatabase db = hub.database();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(db.getCollection(StoreNames.SAMPLES).countDocuments())
                        .isEqualTo(1);
                assertThat(db.getCollection(StoreNames.RESOURCES).countDocuments())
                        .isEqualTo(1);
                assertThat(db.getCollection(StoreNames.DEAD_LETTERS).countDocuments())
                        .isZero();
            });

            var stats = hub.statistics()
                    .statistics(new StatisticsQuery(
                            Filter.and(Filter.eq("counter_name", "retention.test")),
                            null,
                            null,
                            null,
                            List.of(),
                            List.of()));
            assertThat(stats).hasSize(1);
            assertThat(stats.get(0).count())
                    .as("the rollups still count the expired sample")
                    .isEqualTo(2);
            assertThat(hub.statistics().answeredFromRollups()).isEqualTo(1);
        }
    }
}
