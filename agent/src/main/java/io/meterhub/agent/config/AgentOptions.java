package io.meterhub.agent.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Every option of {@code meterhub agent}, declared once: name, type, default, one-line description. picocli parses
 * and converts them; a bad value stops the agent with a message naming the option. {@link AgentSettings#of} then
 * validates what picocli cannot and reads the files they name.
 */
@Command(
        name = "meterhub agent",
        mixinStandardHelpOptions = true,
        description = "Poll this host, its QEMU/KVM guests and JSON APIs, and publish Ceilometer samples signed "
                + "with the telemetry secret (and optionally Ed25519) to RabbitMQ or an AMQP 1.0 address.")
public final class AgentOptions {

    /** Where to publish: exactly one broker. */
    public static final class Broker {
        /** RabbitMQ as OpenStack's transport_url names it. */
        @Option(
                names = "--rabbitmq",
                paramLabel = "URI",
                description = "publish to this RabbitMQ (amqp://user:pass@host:5672/vhost), as Ceilometer's agent does")
        public URI rabbitmq;

        /** An AMQP 1.0 broker, e.g. a standalone hub's embedded one. */
        @Option(
                names = "--amqp",
                paramLabel = "URI",
                description = "publish over AMQP 1.0 to this broker (amqp://host:5673), to the queue of --address")
        public URI amqp;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    public Broker broker;

    /** polling.yaml. */
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "polling sources in Ceilometer's polling.yaml format (default: one source of every meter)")
    public Path config;

    /** Default interval. */
    @Option(
            names = "--interval",
            paramLabel = "SECONDS",
            defaultValue = "300",
            description =
                    "polling interval of the default source and of a source naming none (default: ${DEFAULT-VALUE})")
    public long intervalSeconds;

    /** telemetry_secret. */
    @Option(
            names = "--secret",
            paramLabel = "S",
            description =
                    "Ceilometer's [publisher] telemetry_secret to sign samples with (default: none, signature \"\")")
    public String secret;

    /** oslo's control exchange for Ceilometer. */
    @Option(
            names = "--exchange",
            paramLabel = "NAME",
            defaultValue = "ceilometer",
            description = "RabbitMQ topic exchange (default: ${DEFAULT-VALUE})")
    public String exchange;

    /** Notification topic. */
    @Option(
            names = "--topic",
            paramLabel = "NAME",
            defaultValue = "notifications",
            description = "oslo notification topic; the routing key is TOPIC.sample (default: ${DEFAULT-VALUE})")
    public String topic;

    /** AMQP 1.0 target. */
    @Option(
            names = "--address",
            paramLabel = "NAME",
            defaultValue = "meterhub.notifications",
            description = "AMQP 1.0 queue to send to with --amqp (default: ${DEFAULT-VALUE})")
    public String address;

    /** Ceilometer's [DEFAULT] host. */
    @Option(
            names = "--host",
            paramLabel = "NAME",
            description = "this node's name in resource ids and metadata (default: the machine's host name)")
    public String host;

    /** sample_source. */
    @Option(
            names = "--source",
            paramLabel = "NAME",
            defaultValue = "openstack",
            description = "the samples' source (default: ${DEFAULT-VALUE})")
    public String source;

    /** Processes to meter. */
    @Option(
            names = "--process",
            paramLabel = "REGEX",
            description = "meter the processes whose command line this regular expression finds (repeatable)")
    public List<Pattern> processes = new ArrayList<>();

    /** Dynamic pollsters. */
    @Option(
            names = "--pollsters",
            paramLabel = "FILE|DIR",
            description = "dynamic pollster definitions in Ceilometer's format (repeatable)")
    public List<Path> pollsters = new ArrayList<>();

    /** Base URLs of endpoint types. */
    @Option(
            names = "--endpoint",
            paramLabel = "TYPE=URL",
            description =
                    "base URL of a dynamic pollster endpoint_type, e.g. container-infra=http://magnum:9511/ (repeatable)")
    public Map<String, URI> endpoints = new LinkedHashMap<>();

    /** Spool. */
    @Option(
            names = "--buffer",
            paramLabel = "DIR",
            defaultValue = "meterhub-agent-buffer",
            description = "disk buffer of samples not yet confirmed by the broker (default: ${DEFAULT-VALUE})")
    public Path buffer;

    /** Spool bound. */
    @Option(
            names = "--buffer-max",
            paramLabel = "SIZE",
            defaultValue = "64MiB",
            description =
                    "most the disk buffer holds; beyond it the oldest samples are dropped (default: ${DEFAULT-VALUE})")
    public String bufferMax;

    /** Ed25519 key. */
    @Option(
            names = "--ed25519-key",
            paramLabel = "FILE",
            description = "also sign with this Ed25519 private key (PEM), created with FILE.pub beside it when missing")
    public Path ed25519Key;

    /** batch_size. */
    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "50",
            description =
                    "most samples per notification, as Ceilometer's [polling] batch_size (default: ${DEFAULT-VALUE})")
    public int batchSize;

    /** Confirm wait. */
    @Option(
            names = "--confirm-timeout",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "longest wait for the broker to confirm a batch (default: ${DEFAULT-VALUE})")
    public long confirmTimeoutSeconds;

    /** Retry cap. */
    @Option(
            names = "--max-backoff",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "longest pause between attempts while the broker is unreachable (default: ${DEFAULT-VALUE})")
    public long maxBackoffSeconds;
}
