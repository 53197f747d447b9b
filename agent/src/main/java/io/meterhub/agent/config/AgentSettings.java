package io.meterhub.agent.config;

import io.meterhub.agent.dynamic.DynamicPollsterDefinition;
import io.meterhub.agent.dynamic.DynamicPollsterReader;
import io.meterhub.model.ByteSize;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The agent's validated, typed configuration: {@link AgentOptions} checked and the files they name read.
 *
 * @param rabbitmq the RabbitMQ to publish to, or empty when {@code amqp} is set
 * @param amqp the AMQP 1.0 broker to publish to, or empty when {@code rabbitmq} is set
 */
public record AgentSettings(
        Optional<URI> rabbitmq,
        Optional<URI> amqp,
        String exchange,
        String routingKey,
        String address,
        List<PollingSource> sources,
        Optional<String> secret,
        String host,
        String source,
        List<Pattern> processes,
        List<DynamicPollsterDefinition> dynamicPollsters,
        Path buffer,
        long bufferMaxBytes,
        Optional<Path> ed25519Key,
        int batchSize,
        Duration confirmTimeout,
        Duration maxBackoff) {

    /**
     * Validates {@code o} and reads its files.
     *
     * @throws AgentConfigException naming the option (and file) at fault
     */
    public static AgentSettings of(AgentOptions o) {
        positive("--interval", o.intervalSeconds);
        positive("--confirm-timeout", o.confirmTimeoutSeconds);
        positive("--max-backoff", o.maxBackoffSeconds);
        if (o.batchSize < 1 || o.batchSize > 10_000) {
            throw new AgentConfigException("option --batch-size: '" + o.batchSize + "' must be between 1 and 10000");
        }
        if (o.secret != null && o.secret.isEmpty()) {
            throw new AgentConfigException("option --secret: an empty secret signs nothing; leave the option out");
        }
        Optional<URI> rabbitmq = Optional.ofNullable(o.broker.rabbitmq);
        Optional<URI> amqp = Optional.ofNullable(o.broker.amqp);
        rabbitmq.ifPresent(u -> scheme("--rabbitmq", u, "amqp", "amqps"));
        amqp.ifPresent(u -> scheme("--amqp", u, "amqp", "amqps"));
        Duration interval = Duration.ofSeconds(o.intervalSeconds);
        List<PollingSource> sources = o.config == null
                ? List.of(new PollingSource("all", interval, MeterSelection.of(List.of("*"))))
                : PollingConfigReader.read(o.config.toAbsolutePath(), interval);
        List<DynamicPollsterDefinition> dynamic = new ArrayList<>();
        for (Path p : o.pollsters) {
            dynamic.addAll(DynamicPollsterReader.read(p.toAbsolutePath(), o.endpoints));
        }
        return new AgentSettings(
                rabbitmq,
                amqp,
                o.exchange,
                o.topic + ".sample",
                o.address,
                sources,
                Optional.ofNullable(o.secret),
                o.host != null ? o.host : localHostName(),
                o.source,
                List.copyOf(o.processes),
                dynamic,
                o.buffer.toAbsolutePath(),
                size("--buffer-max", o.bufferMax),
                Optional.ofNullable(o.ed25519Key).map(Path::toAbsolutePath),
                o.batchSize,
                Duration.ofSeconds(o.confirmTimeoutSeconds),
                Duration.ofSeconds(o.maxBackoffSeconds));
    }

    private static void positive(String option, long value) {
        if (value <= 0) {
            throw new AgentConfigException(
                    "option " + option + ": '" + value + "' must be a positive number of seconds");
        }
    }

    private static void scheme(String option, URI uri, String... schemes) {
        if (uri.getScheme() == null
                || !List.of(schemes).contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw new AgentConfigException(
                    "option " + option + ": '" + uri + "' must be a URI of scheme " + String.join(" or ", schemes));
        }
        if (uri.getHost() == null) {
            throw new AgentConfigException("option " + option + ": '" + uri + "' names no host");
        }
    }

    static long size(String option, String raw) {
        try {
            return ByteSize.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new AgentConfigException("option " + option + ": '" + raw + "' is " + e.getMessage());
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
