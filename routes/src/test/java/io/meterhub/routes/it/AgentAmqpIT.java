package io.meterhub.routes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import io.meterhub.agent.Agent;
import io.meterhub.agent.config.AgentOptions;
import io.meterhub.agent.config.AgentSettings;
import io.meterhub.routes.Hub;
import io.meterhub.store.StoreNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The agent publishing over AMQP 1.0 to a standalone hub's embedded broker: its samples are stored. */
class AgentAmqpIT {

    @TempDir
    Path dir;

    @Test
    void storesWhatTheAgentSendsToTheEmbeddedBroker() throws Exception {
        Map<String, String> options = HubTestSupport.options(dir.resolve("hub"));
        options.put("secret", "amqp-it-secret");
        try (Hub hub = HubTestSupport.start(options)) {
            Path config = Files.writeString(
                    dir.resolve("polling.yaml"),
                    """
                    sources:
                      - name: memory
                        interval: 1
                        meters: ['hardware.memory.*']
                    """);
            AgentOptions agentOptions = new AgentOptions();
            new CommandLine(agentOptions)
                    .parseArgs(
                            "--amqp=amqp://127.0.0.1:" + hub.amqpPort(),
                            "--secret=amqp-it-secret",
                            "--config=" + config,
                            "--host=amqp-it-node",
                            "--buffer=" + dir.resolve("buffer"));
            try (Agent agent = Agent.start(AgentSettings.of(agentOptions))) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> hub.database()
                                        .getCollection(StoreNames.SAMPLES)
                                        .countDocuments(Filters.eq("resource_id", "amqp-it-node"))
                                >= 8); // two polls of the four memory meters
                agent.stopPolling();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> agent.sender().pending() == 0);
                long made = agent.samplesMade();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> hub.database()
                                        .getCollection(StoreNames.SAMPLES)
                                        .countDocuments(Filters.eq("resource_id", "amqp-it-node"))
                                == made);
            }
            Document used = hub.database()
                    .getCollection(StoreNames.SAMPLES)
                    .find(Filters.eq("counter_name", "hardware.memory.used"))
                    .first();
            assertThat(used.getString("counter_type")).isEqualTo("gauge");
            assertThat(used.get("counter_volume", Number.class).longValue()).isPositive();
            assertThat(hub.database().getCollection(StoreNames.DEAD_LETTERS).countDocuments())
                    .isZero();
        }
    }
}
