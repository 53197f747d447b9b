package io.meterhub.routes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.routes.Hub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integrators add routes in Camel's XML DSL without recompiling: every *.xml in the routes directory is loaded at
 * start-up, a file dropped in later is picked up, a changed file is reloaded, and the routes reach the hub's
 * pipeline and beans by name. Uses the example route the project ships.
 */
class XmlRoutesIT {

    private static final Path EXAMPLE =
            Path.of("").toAbsolutePath().getParent().resolve("examples/routes/file-inbox.xml");

    @TempDir
    Path dir;

    @Test
    void picksUpADroppedRouteAndRunsIt() throws Exception {
        Path data = dir.resolve("data");
        try (Hub hub = HubTestSupport.start(HubTestSupport.options(data))) {
            assertThat(hub.camelContext().getRoute("example-file-inbox")).isNull();
            Files.copy(EXAMPLE, data.resolve("routes/file-inbox.xml"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> hub.camelContext().getRoute("example-file-inbox") != null);

            ObjectNode n = Corpus.withFreshId(Corpus.notifications().get(0));
            Path inbox = data.resolve("inbox");
            Files.createDirectories(inbox);
            Files.write(inbox.resolve("n1.json.tmp"), Corpus.v2(n));
            Files.move(inbox.resolve("n1.json.tmp"), inbox.resolve("n1.json"));
            StoreQueries store = new StoreQueries(hub.database());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> store.eventsWithId(n.get("message_id").asText()) == 1);
            assertThat(store.samplesOf(n.get("message_id").asText())).isEqualTo(5);
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve(".done/n1.json")));

            // a changed file is reloaded: the same route now reads another directory; written as deployment tools
            // and editors write, whole, by a rename, so the watcher never reads it half-written
            String changed = Files.readString(EXAMPLE, StandardCharsets.UTF_8)
                    .replace("{{meterhub.data}}/inbox?", "{{meterhub.data}}/inbox2?");
            assertThat(changed).contains("/inbox2?");
            Path staged = Files.writeString(dir.resolve("file-inbox.xml.new"), changed);
            Files.move(
                    staged,
                    data.resolve("routes/file-inbox.xml"),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            ObjectNode second = Corpus.withFreshId(Corpus.notifications().get(0));
            Path inbox2 = data.resolve("inbox2");
            Files.createDirectories(inbox2);
            Files.write(dir.resolve("n2.json"), Corpus.v2(second));
            Files.move(dir.resolve("n2.json"), inbox2.resolve("n2.json"), StandardCopyOption.ATOMIC_MOVE);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> store.eventsWithId(second.get("message_id").asText()) == 1);
            assertThat(hub.camelContext()
                            .getRouteController()
                            .getRouteStatus("example-file-inbox")
                            .isStarted())
                    .isTrue();
        }
    }

    @Test
    void loadsRoutesPresentAtStartUp() throws Exception {
        Path data = dir.resolve("data2");
        Files.createDirectories(data.resolve("routes"));
        Files.copy(EXAMPLE, data.resolve("routes/file-inbox.xml"));
        try (Hub hub = HubTestSupport.start(HubTestSupport.options(data))) {
            assertThat(hub.camelContext().getRoute("example-file-inbox")).isNotNull();
            assertThat(hub.camelContext()
                            .getRouteController()
                            .getRouteStatus("example-file-inbox")
                            .isStarted())
                    .isTrue();
        }
    }
}
