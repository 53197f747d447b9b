package io.meterhub.routes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.routes.Acknowledger;
import io.meterhub.routes.Hub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's acknowledgements on the real RabbitMQ: coalesced into frames covering many deliveries, and yet every
 * delivery acknowledged — once the hub is stopped, nothing returns to the queue.
 */
class AcknowledgementIT {

    private static final int ROUNDS = 4;

    @TempDir
    Path data;

    private Rabbit rabbit;
    private Hub hub;

    @AfterEach
    void stop() throws Exception {
        HubTestSupport.closeAll(hub, rabbit);
    }

    @Test
    void everyDeliveryIsAcknowledgedMostOfThemManyToAFrame() throws Exception {
        rabbit = new Rabbit();
        hub = HubTestSupport.start(HubTestSupport.options(data, rabbit));
        List<ObjectNode> corpus = Corpus.notifications();
        for (int round = 0; round < ROUNDS; round++) { // the later rounds are redeliveries to the store: kept once
            for (ObjectNode n : corpus) {
                rabbit.publish(Corpus.service(n), Corpus.routingKey(n), Corpus.v2(n));
            }
        }
        long published = (long) ROUNDS * corpus.size();

        await().atMost(Duration.ofSeconds(120))
                .until(() -> hub.acknowledger().sent().deliveries() >= published);
        Acknowledger.Sent sent = hub.acknowledger().sent();
        assertThat(sent.deliveries()).isEqualTo(published);
        assertThat(sent.frames()).as("coalesced: %s", sent).isLessThanOrEqualTo(published / 4);

        hub.close();
        hub = null;
        assertThat(rabbit.drain(rabbit.queue()))
                .as("unacknowledged deliveries return to the queue when the hub's channels close")
                .isEmpty();
    }
}
