package io.meterhub.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.agent.config.AgentSettings;
import io.meterhub.agent.config.PollingSource;
import io.meterhub.agent.dynamic.DynamicPollster;
import io.meterhub.agent.publish.AmqpPublisher;
import io.meterhub.agent.publish.MeterMessageFactory;
import io.meterhub.agent.publish.OsloNotification;
import io.meterhub.agent.publish.Publisher;
import io.meterhub.agent.publish.RabbitPublisher;
import io.meterhub.agent.publish.SpoolingSender;
import io.meterhub.agent.spi.PollingContext;
import io.meterhub.agent.spi.Pollster;
import io.meterhub.model.signing.Ed25519Keys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The running agent: pollsters started, one polling task per source on its interval (first run at once, as
 * Ceilometer's), meter messages enveloped into {@code telemetry.polling} notifications, spooled to disk and sent by
 * the {@link SpoolingSender}. Polling runs on one thread, so pollsters are never polled concurrently.
 */
public final class Agent implements AutoCloseable {

    private final PollsterRegistry registry;
    private final Publisher publisher;
    private final SpoolingSender sender;
    private final ScheduledExecutorService scheduler;
    private final List<String> description = new ArrayList<>();
    private final AtomicLong samplesMade = new AtomicLong();

    private Agent(PollsterRegistry registry, Publisher publisher, SpoolingSender sender) {
        this.registry = registry;
        this.publisher = publisher;
        this.sender = sender;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "meterhub-agent-poll");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts an agent with {@code settings}. */
    public static Agent start(AgentSettings settings) throws IOException {
        Clock clock = Clock.systemUTC();
        Optional<KeyPair> key = settings.ed25519Key().isPresent()
                ? Optional.of(Ed25519Keys.loadOrCreate(settings.ed25519Key().get()))
                : Optional.empty();
        String keyId = key.map(k -> Ed25519Keys.keyId(k.getPublic())).orElse(null);
        MeterMessageFactory messages =
                new MeterMessageFactory(settings.source(), settings.secret().orElse(null), key, keyId);
        Publisher publisher = publisher(settings);
        SpoolingSender sender =
                new SpoolingSender(settings.buffer(), settings.bufferMaxBytes(), publisher, settings.maxBackoff());
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Pollster> dynamic = settings.dynamicPollsters().stream()
                .map(d -> (Pollster) new DynamicPollster(d, http))
                .toList();
        PollsterRegistry registry = PollsterRegistry.start(
                new PollingContext(settings.host(), settings.processes()), dynamic, Agent.class.getClassLoader());
        Agent agent = new Agent(registry, publisher, sender);
        agent.description.add("publishing to " + publisher.describe());
        agent.description.add("buffer " + settings.buffer() + " (at most " + settings.bufferMaxBytes() + " bytes)");
        key.ifPresent(k -> agent.description.add(
                "ed25519 key " + keyId + " (" + settings.ed25519Key().get() + ")"));
        OsloNotification envelope = new OsloNotification(clock);
        sender.start();
        for (PollingSource source : settings.sources()) {
            PollingTask task = new PollingTask(
                    source,
                    registry.pollsters(),
                    messages,
                    batch -> agent.spool(envelope, batch),
                    settings.batchSize(),
                    clock);
            agent.description.add(
                    "source " + source.name() + " every " + source.interval().toSeconds() + " s: "
                            + task.meters().values().stream()
                                    .mapToInt(java.util.Set::size)
                                    .sum() + " meters from "
                            + task.meters().keySet());
            agent.scheduler.scheduleAtFixedRate(task, 0, source.interval().toMillis(), TimeUnit.MILLISECONDS);
        }
        return agent;
    }

    private static Publisher publisher(AgentSettings s) {
        if (s.rabbitmq().isPresent()) {
            return new RabbitPublisher(s.rabbitmq().get(), s.exchange(), s.routingKey(), s.confirmTimeout());
        }
        return new AmqpPublisher(s.amqp().orElseThrow(), s.address());
    }

    private void spool(OsloNotification envelope, List<ObjectNode> batch) {
        try {
            sender.submit(envelope.body(batch));
            samplesMade.addAndGet(batch.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the disk buffer", e);
        }
    }

    /** One line per thing the operator should know: broker, buffer, key, sources and their meters. */
    public List<String> description() {
        return List.copyOf(description);
    }

    /** The sender, for its counts. */
    public SpoolingSender sender() {
        return sender;
    }

    /** Meter messages made and written to the disk buffer since start. */
    public long samplesMade() {
        return samplesMade.get();
    }

    /** Stops polling (a poll under way finishes) and leaves the sender to send what is buffered. */
    public void stopPolling() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops polling, then sending; what is not yet confirmed stays in the disk buffer for the next run. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.close();
        publisher.close();
        registry.close();
    }
}
