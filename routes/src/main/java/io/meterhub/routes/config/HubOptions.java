package io.meterhub.routes.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every option of {@code meterhub run}, declared once. */
public final class HubOptions {

    public static final HubOption<Optional<URI>> RABBITMQ = new HubOption<>(
            "rabbitmq",
            "URI",
            "",
            "also consume OpenStack notifications from this RabbitMQ (amqp://user:pass@host:port/vhost)",
            raw -> raw.isEmpty() ? Optional.empty() : Optional.of(Parsers.uri(raw, "amqp", "amqps")));
    public static final HubOption<Path> DATA = new HubOption<>(
            "data", "DIR", "meterhub-data", "directory of the embedded store and broker", Parsers::path);
    public static final HubOption<Integer> PORT =
            new HubOption<>("port", "N", "8777", "HTTP port on 127.0.0.1 (0 = any free port)", Parsers::port);
    public static final HubOption<Optional<URI>> STORE = new HubOption<>(
            "store",
            "URI",
            "",
            "a real MongoDB (mongodb://...) instead of the embedded store",
            raw -> raw.isEmpty() ? Optional.empty() : Optional.of(Parsers.uri(raw, "mongodb", "mongodb+srv")));
    public static final HubOption<Integer> STORE_PORT = new HubOption<>(
            "store-port", "N", "27018", "port of the embedded store on 127.0.0.1 (0 = any free port)", Parsers::port);
    public static final HubOption<Integer> AMQP_PORT = new HubOption<>(
            "amqp-port",
            "N",
            "5673",
            "AMQP 1.0 port of the embedded broker on 127.0.0.1 (0 = any free port)",
            Parsers::port);
    public static final HubOption<List<String>> EXCHANGES = new HubOption<>(
            "exchanges",
            "LIST",
            "nova,cinder,glance,neutron,keystone,swift,heat,ceilometer,designate,trove,manila,magnum,ironic,openstack",
            "RabbitMQ topic exchanges (one per OpenStack service) to bind the hub's queue to",
            Parsers::names);
    public static final HubOption<List<String>> TOPICS = new HubOption<>(
            "topics",
            "LIST",
            "notifications",
            "oslo notification topics; the queue is bound with routing key TOPIC.* for each",
            Parsers::names);
    public static final HubOption<String> QUEUE = new HubOption<>(
            "queue",
            "NAME",
            "meterhub.notifications",
            "the hub's own durable queue (never Ceilometer's notifications.info)",
            Parsers::name);
    public static final HubOption<String> DEAD_QUEUE = new HubOption<>(
            "dead-queue",
            "NAME",
            "meterhub.dead",
            "durable queue of refused messages, on RabbitMQ when configured, else on the embedded broker",
            Parsers::name);
    public static final HubOption<Integer> MAX_BODY = new HubOption<>(
            "max-body", "SIZE", "2MiB", "larger message bodies are dead-lettered as oversized", Parsers::size);
    public static final HubOption<Optional<Path>> ROUTES = new HubOption<>(
            "routes",
            "DIR",
            "",
            "directory of integrator routes (*.xml, Camel XML DSL), reloaded on change; default DATA/routes",
            raw -> raw.isEmpty() ? Optional.empty() : Optional.of(Parsers.path(raw)));
    public static final HubOption<Integer> BATCH_SIZE = new HubOption<>(
            "batch-size",
            "N",
            "2000",
            "most notifications written to the store in one round trip",
            Parsers.intBetween(1, 10_000));
    public static final HubOption<Duration> BATCH_DELAY = new HubOption<>(
            "batch-delay",
            "DURATION",
            "20ms",
            "longest wait for a batch to fill before it is written",
            Parsers::duration);
    public static final HubOption<Integer> PREFETCH = new HubOption<>(
            "prefetch",
            "N",
            "2000",
            "unacknowledged RabbitMQ messages in flight per consumer",
            Parsers.intBetween(1, 65_535));
    public static final HubOption<Integer> CONSUMERS =
            new HubOption<>("consumers", "N", "2", "concurrent consumers of each queue", Parsers.intBetween(1, 64));

    public static final HubOption<Optional<Duration>> TTL_SAMPLES = new HubOption<>(
            "ttl-samples",
            "DURATION",
            "",
            "delete samples older than this (by timestamp), and resources whose last sample is; e.g. 30d; "
                    + "default: keep forever",
            Parsers::ttl);
    public static final HubOption<Optional<Duration>> TTL_EVENTS = new HubOption<>(
            "ttl-events",
            "DURATION",
            "",
            "delete events older than this (by generated time); default: keep forever",
            Parsers::ttl);
    public static final HubOption<Optional<Duration>> TTL_ROLLUPS = new HubOption<>(
            "ttl-rollups",
            "DURATION",
            "",
            "delete statistics rollups of UTC days that ended longer ago than this; longer than ttl-samples keeps "
                    + "statistics of expired samples; default: keep forever",
            Parsers::ttl);
    public static final HubOption<Optional<Duration>> TTL_DEAD_LETTERS = new HubOption<>(
            "ttl-dead-letters",
            "DURATION",
            "",
            "delete dead letters received longer ago than this; default: keep forever",
            Parsers::ttl);
    public static final HubOption<Duration> EXPIRE_EVERY = new HubOption<>(
            "expire-every",
            "DURATION",
            "10m",
            "pause between two runs of the expirer (when a ttl-* option is set)",
            Parsers::positiveDuration);

    public static final HubOption<Optional<Path>> METERS = new HubOption<>(
            "meters",
            "FILE|DIR",
            "",
            "Ceilometer meters.yaml, or a directory of *.yaml (later definitions override earlier ones by name); "
                    + "default: the shipped meters.yaml",
            raw -> raw.isEmpty() ? Optional.empty() : Optional.of(Parsers.path(raw)));
    public static final HubOption<Optional<Path>> EVENTS = new HubOption<>(
            "events",
            "FILE",
            "",
            "Ceilometer event_definitions.yaml; default: the shipped event_definitions.yaml",
            raw -> raw.isEmpty() ? Optional.empty() : Optional.of(Parsers.path(raw)));
    public static final HubOption<Boolean> DROP_UNMATCHED = new HubOption<>(
            "drop-unmatched",
            "BOOL",
            "false",
            "no event for a notification that no event definition matches (else default traits only)",
            Parsers::bool);
    public static final HubOption<Optional<String>> SECRET = new HubOption<>(
            "secret",
            "S",
            "",
            "Ceilometer's telemetry_secret: polling samples without its HMAC signature are dead-lettered",
            raw -> raw.isEmpty() ? Optional.empty() : Optional.of(raw));
    public static final HubOption<Optional<Path>> AGENT_KEYS = new HubOption<>(
            "agent-keys",
            "DIR",
            "",
            "directory of registered agents' Ed25519 public keys (*.pub, PEM): polling samples must carry a valid "
                    + "Ed25519 signature of one of them",
            raw -> raw.isEmpty() ? Optional.empty() : Optional.of(Parsers.path(raw)));

    public static final HubOption<Optional<String>> ADMIN_TOKEN = new HubOption<>(
            "admin-token",
            "TOKEN",
            "",
            "X-Auth-Token of the operator: an admin of the API who sees every project",
            raw -> raw.isEmpty() ? Optional.empty() : Optional.of(Parsers.token(raw)));
    public static final HubOption<Optional<Path>> TOKENS = new HubOption<>(
            "tokens",
            "FILE",
            "",
            "API tokens, one 'token project_id role' per line (# comments); role admin sees every project",
            raw -> raw.isEmpty() ? Optional.empty() : Optional.of(Parsers.path(raw)));
    public static final HubOption<Optional<URI>> KEYSTONE_URL = new HubOption<>(
            "keystone-url",
            "URI",
            "",
            "validate API tokens with this Keystone (its v3 API, e.g. http://keystone:5000); needs keystone-token",
            raw -> raw.isEmpty() ? Optional.empty() : Optional.of(Parsers.uri(raw, "http", "https")));
    public static final HubOption<Optional<String>> KEYSTONE_TOKEN = new HubOption<>(
            "keystone-token",
            "TOKEN",
            "",
            "meterhub's own Keystone token (X-Auth-Token) for validating callers' tokens",
            raw -> raw.isEmpty() ? Optional.empty() : Optional.of(Parsers.token(raw)));
    public static final HubOption<Duration> KEYSTONE_CACHE = new HubOption<>(
            "keystone-cache",
            "DURATION",
            "60s",
            "how long a Keystone token validation is remembered (0s: ask every time)",
            Parsers::durationOrZero);
    public static final HubOption<Integer> API_LIMIT = new HubOption<>(
            "api-limit",
            "N",
            "100",
            "results an API list returns when the request sets no limit (Ceilometer's default_api_return_limit)",
            Parsers.intBetween(1, 1_000_000));

    public static final HubOption<Optional<String>> FEEDS_REGION = new HubOption<>(
            "feeds-region",
            "NAME",
            "",
            "cloud region added to every feed entry as the category rgn:NAME",
            raw -> raw.isEmpty() ? Optional.empty() : Optional.of(Parsers.term(raw)));
    public static final HubOption<List<String>> FEEDS_CATEGORIES = new HubOption<>(
            "feeds-categories",
            "LIST",
            "",
            "category terms added to every feed entry, comma-separated (as Yagi's atom_categories)",
            Parsers::terms);
    public static final HubOption<Integer> FEEDS_MAX_POST = new HubOption<>(
            "feeds-max-post",
            "SIZE",
            "1MiB",
            "largest Atom entry a POST to a feed may carry (AtomPub); a larger one gets 400",
            Parsers::size);

    public static final HubOption<Duration> WEBSUB_LEASE = new HubOption<>(
            "websub-lease",
            "DURATION",
            "1d",
            "lease of a WebSub subscription that asks for no hub.lease_seconds",
            Parsers::positiveDuration);
    public static final HubOption<Duration> WEBSUB_MAX_LEASE = new HubOption<>(
            "websub-max-lease",
            "DURATION",
            "30d",
            "longest WebSub lease granted; a longer hub.lease_seconds gets this",
            Parsers::positiveDuration);
    public static final HubOption<Duration> PUSH_INTERVAL = new HubOption<>(
            "push-interval",
            "DURATION",
            "1s",
            "how often WebSub and AtomPub pushers look for new feed entries",
            Parsers::positiveDuration);
    public static final HubOption<Duration> PUSH_RETRY = new HubOption<>(
            "push-retry",
            "DURATION",
            "1s",
            "wait after a failed push; doubled after each further failure up to push-retry-max",
            Parsers::positiveDuration);
    public static final HubOption<Duration> PUSH_RETRY_MAX = new HubOption<>(
            "push-retry-max",
            "DURATION",
            "5m",
            "longest wait between two attempts of a failing push",
            Parsers::positiveDuration);
    public static final HubOption<Duration> PUSH_GIVE_UP = new HubOption<>(
            "push-give-up",
            "DURATION",
            "1d",
            "a WebSub subscription or AtomPub target failing for longer than this is dropped (and logged)",
            Parsers::positiveDuration);
    public static final HubOption<Optional<URI>> ATOMPUB_PUSH_URL = new HubOption<>(
            "atompub-push-url",
            "URI",
            "",
            "forward the entries of atompub-push-feeds to this AtomPub collection (an Atom Hopper feed URL), "
                    + "POST per entry, 201 or 409 = delivered",
            raw -> raw.isEmpty() ? Optional.empty() : Optional.of(Parsers.uri(raw, "http", "https")));
    public static final HubOption<List<String>> ATOMPUB_PUSH_FEEDS = new HubOption<>(
            "atompub-push-feeds",
            "LIST",
            "notifications",
            "feeds forwarded to atompub-push-url, comma-separated paths below /feeds/ (e.g. "
                    + "notifications,events/compute.instance.exists)",
            Parsers::feeds);

    /** All options, in the order help lists them. */
    public static final List<HubOption<?>> ALL = List.of(
            RABBITMQ,
            DATA,
            PORT,
            STORE,
            STORE_PORT,
            AMQP_PORT,
            EXCHANGES,
            TOPICS,
            QUEUE,
            DEAD_QUEUE,
            MAX_BODY,
            ROUTES,
            BATCH_SIZE,
            BATCH_DELAY,
            PREFETCH,
            CONSUMERS,
            TTL_SAMPLES,
            TTL_EVENTS,
            TTL_ROLLUPS,
            TTL_DEAD_LETTERS,
            EXPIRE_EVERY,
            METERS,
            EVENTS,
            DROP_UNMATCHED,
            SECRET,
            AGENT_KEYS,
            ADMIN_TOKEN,
            TOKENS,
            KEYSTONE_URL,
            KEYSTONE_TOKEN,
            KEYSTONE_CACHE,
            API_LIMIT,
            FEEDS_REGION,
            FEEDS_CATEGORIES,
            FEEDS_MAX_POST,
            WEBSUB_LEASE,
            WEBSUB_MAX_LEASE,
            PUSH_INTERVAL,
            PUSH_RETRY,
            PUSH_RETRY_MAX,
            PUSH_GIVE_UP,
            ATOMPUB_PUSH_URL,
            ATOMPUB_PUSH_FEEDS);

    /** The configuration file option; read before the others, since it is one of their sources. */
    public static final String CONFIG = "config";

    private HubOptions() {}
}
