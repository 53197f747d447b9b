package io.meterhub.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.agent.config.PollingSource;
import io.meterhub.agent.publish.MeterMessageFactory;
import io.meterhub.agent.spi.Measurement;
import io.meterhub.agent.spi.Pollster;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One polling round of one source, as Ceilometer's polling task runs it: every pollster with a meter the source
 * selects is polled; its measurements of selected meters are stamped with the time taken before that pollster ran,
 * made into signed meter messages, and handed on in batches of at most {@code batchSize} (Ceilometer's
 * {@code [polling] batch_size}, 50). A pollster that fails is logged and does not stop the round.
 */
public final class PollingTask implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PollingTask.class);

    private final PollingSource source;
    private final Map<Pollster, Set<String>> plan;
    private final MeterMessageFactory messages;
    private final Consumer<List<ObjectNode>> batches;
    private final int batchSize;
    private final Clock clock;

    public PollingTask(
            PollingSource source,
            List<Pollster> pollsters,
            MeterMessageFactory messages,
            Consumer<List<ObjectNode>> batches,
            int batchSize,
            Clock clock) {
        this.source = source;
        this.plan = new LinkedHashMap<>();
        for (Pollster p : pollsters) {
            Set<String> selected = p.meterNames().stream()
                    .filter(m -> source.meters().selects(m))
                    .collect(Collectors.toUnmodifiableSet());
            if (!selected.isEmpty()) {
                plan.put(p, selected);
            }
        }
        this.messages = messages;
        this.batches = batches;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** The meters this task polls, by pollster name; empty when the source selects nothing loaded. */
    public Map<String, Set<String>> meters() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        plan.forEach((p, m) -> out.put(p.name(), m));
        return out;
    }

    @Override
    public void run() {
        for (Map.Entry<Pollster, Set<String>> e : plan.entrySet()) {
            Pollster p = e.getKey();
            Instant polledAt = clock.instant();
            List<Measurement> measured;
            try {
                measured = p.poll(e.getValue());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception | LinkageError ex) {
                LOG.error("source {}: pollster {} failed: {}", source.name(), p.name(), ex.toString());
                continue;
            }
            List<ObjectNode> batch = new ArrayList<>(Math.min(batchSize, measured.size()));
            for (Measurement m : measured) {
                if (!e.getValue().contains(m.name())) {
                    continue;
                }
                batch.add(messages.message(m, polledAt));
                if (batch.size() == batchSize) {
                    batches.accept(batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                batches.accept(batch);
            }
        }
    }
}
