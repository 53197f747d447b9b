package io.meterhub.routes;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.meterhub.feeds.Feeds;
import io.meterhub.feeds.atom.AtomEntryReader;
import io.meterhub.mediation.EnvelopeDecoder;
import io.meterhub.mediation.NotificationTranslator;
import io.meterhub.routes.api.ApiRoutes;
import io.meterhub.routes.api.ApiSettings;
import io.meterhub.routes.api.JsonErrorPages;
import io.meterhub.routes.api.auth.TokenValidator;
import io.meterhub.routes.config.ApiConfig;
import io.meterhub.routes.config.ConfigException;
import io.meterhub.routes.config.FeedsConfig;
import io.meterhub.routes.config.HubConfig;
import io.meterhub.routes.config.HubOptions;
import io.meterhub.routes.config.MediationConfig;
import io.meterhub.routes.config.PushConfig;
import io.meterhub.routes.config.RetentionConfig;
import io.meterhub.routes.feeds.FeedRoutes;
import io.meterhub.routes.push.AtomPubTargets;
import io.meterhub.routes.push.HttpPost;
import io.meterhub.routes.push.PushScheduler;
import io.meterhub.routes.websub.HubRoutes;
import io.meterhub.routes.websub.IntentVerifier;
import io.meterhub.routes.websub.Subscriptions;
import io.meterhub.store.BatchingWriter;
import io.meterhub.store.DurabilityBarrier;
import io.meterhub.store.EmbeddedStore;
import io.meterhub.store.IngestRepository;
import io.meterhub.store.StoreIndexes;
import io.meterhub.store.StoreNames;
import io.meterhub.store.query.RawStatistics;
import io.meterhub.store.retention.Expirer;
import io.meterhub.store.retention.RetentionPolicy;
import io.meterhub.store.rollup.RollupStatistics;
import io.meterhub.store.rollup.StatisticsService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * The running hub: wires store, writer, brokers, Camel routes and HTTP from a {@link HubConfig}, and takes them down
 * in the safe order (consumers first, then the writer drains, then the store and broker close).
 */
public final class Hub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    static final String RABBIT_CF = "rabbitConnectionFactory";
    static final String RABBIT_PUBLISHER_CF = "rabbitPublisherConnectionFactory";
    static final String AMQP_CF = "amqpConnectionFactory";
    /** Most entries one push delivers. */
    private static final int PUSH_PAGE = 100;

    private final List<String> endpoints = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private Main main;
    private BatchingWriter writer;
    private Acknowledger acknowledger;
    private StatisticsService statistics;
    private MongoDatabase database;
    private String storeUri;
    private int httpPort;
    private int amqpPort;
    private volatile boolean closed;

    private Hub() {}

    /** Starts everything; on any failure, stops what was started and rethrows. */
    public static Hub start(HubConfig config) throws Exception {
        Hub hub = new Hub();
        try {
            hub.doStart(config);
            return hub;
        } catch (Exception | Error e) {
            hub.close();
            throw e;
        }
    }

    private void doStart(HubConfig config) throws Exception {
        // definitions first: a bad file stops start-up before anything is started
        NotificationTranslator translator = MediationConfig.translator(MediationConfig.settings(config));
        Clock clock = Clock.systemUTC();
        TokenValidator tokens = ApiConfig.tokenValidator(config, clock); // a bad tokens file stops start-up here too
        Path data = config.get(HubOptions.DATA);
        createDirectory(data, HubOptions.DATA.name());

        // store
        DurabilityBarrier barrier;
        if (config.get(HubOptions.STORE).isPresent()) {
            storeUri = config.get(HubOptions.STORE).get().toString();
            barrier = DurabilityBarrier.WRITE_CONCERN;
            endpoints.add("store    " + redact(config.get(HubOptions.STORE).get()));
        } else {
            EmbeddedStore store = EmbeddedStore.start(data.resolve("store"), config.get(HubOptions.STORE_PORT));
            closeables.add(0, store);
            storeUri = store.connectionString();
            barrier = store.barrier();
            endpoints.add("store    " + storeUri + "  (embedded, " + data.resolve("store") + ")");
        }
        MongoClient client = mongoClient(storeUri, config.get(HubOptions.STORE).isPresent());
        closeables.add(0, client);
        ConnectionString cs = new ConnectionString(storeUri);
        database = client.getDatabase(cs.getDatabase() != null ? cs.getDatabase() : StoreNames.DEFAULT_DATABASE);
        StoreIndexes.ensure(database);
        // the feeds write their entries with every batch, so the writer's commit order is the feeds' sequence
        Feeds feeds = Feeds.open(database, FeedsConfig.settings(config), clock);
        IngestRepository repository = new IngestRepository(database, barrier, clock, List.of(feeds.writer()));
        repository.recoverRollups(); // a batch cut off before the last stop gets its rollups first
        writer = new BatchingWriter(
                repository,
                config.get(HubOptions.BATCH_SIZE),
                config.get(HubOptions.BATCH_DELAY),
                config.get(HubOptions.BATCH_SIZE) * 8,
                clock);
        statistics = new StatisticsService(
                new RollupStatistics(database, clock, config.get(HubOptions.TTL_ROLLUPS)), new RawStatistics(database));
        RetentionPolicy retention = RetentionConfig.policy(config);
        if (!retention.keepsEverything()) {
            Expirer expirer = new Expirer(database, retention, clock, 1_000, repository::exclusive, barrier);
            closeables.add(0, ExpirerSchedule.start(expirer, config.get(HubOptions.EXPIRE_EVERY)));
            endpoints.add("expirer  every " + config.get(HubOptions.EXPIRE_EVERY) + ": "
                    + RetentionConfig.describe(retention));
        }

        // embedded broker: the standalone ingress
        String deadQueue = config.get(HubOptions.DEAD_QUEUE);
        EmbeddedBroker broker =
                EmbeddedBroker.start(data.resolve("broker"), config.get(HubOptions.AMQP_PORT), deadQueue);
        closeables.add(0, broker);
        amqpPort = broker.port();
        endpoints.add("amqp     " + broker.address() + "  (embedded AMQP 1.0 broker, queue "
                + HubNames.AMQP_INGEST_QUEUE + ")");

        main = new Main();
        // every option as a property placeholder for integrator routes: {{meterhub.data}}, {{meterhub.port}} ...
        config.asProperties().forEach(main::addInitialProperty);
        main.configure().withName("meterhub").withShutdownTimeout(20).withJmxEnabled(false);
        JmsConnectionFactory amqp = new JmsConnectionFactory(broker.address());
        org.springframework.jms.connection.CachingConnectionFactory amqpCf =
                new org.springframework.jms.connection.CachingConnectionFactory(amqp);
        amqpCf.setCacheConsumers(false);
        closeables.add(0, amqpCf::destroy);
        main.bind(AMQP_CF, amqpCf);
        String amqpUri = "amqp:queue:" + HubNames.AMQP_INGEST_QUEUE + "?connectionFactory=#" + AMQP_CF
                + "&acknowledgementModeName=CLIENT_ACKNOWLEDGE&concurrentConsumers="
                + config.get(HubOptions.CONSUMERS);
        String deadUri = "amqp:queue:" + deadQueue + "?connectionFactory=#" + AMQP_CF + "&deliveryPersistent=true";

        String rabbitUri = null;
        if (config.get(HubOptions.RABBITMQ).isPresent()) {
            URI uri = config.get(HubOptions.RABBITMQ).get();
            CachingConnectionFactory rabbit = rabbitConnectionFactory(uri, "meterhub-consumer");
            closeables.add(0, rabbit::destroy);
            // publishing on its own connection: a publisher RabbitMQ throttles never stalls the consumers' acks
            CachingConnectionFactory publisher = rabbitConnectionFactory(uri, "meterhub-publisher");
            publisher.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
            closeables.add(0, publisher::destroy);
            RabbitTopology topology = new RabbitTopology(
                    config.get(HubOptions.EXCHANGES),
                    config.get(HubOptions.TOPICS),
                    config.get(HubOptions.QUEUE),
                    deadQueue);
            rabbit.addConnectionListener(topology); // declares now and after every reconnect
            try {
                rabbit.createConnection().close();
            } catch (RuntimeException e) {
                throw new ConfigException(
                        "option --rabbitmq: cannot reach RabbitMQ at " + redact(uri) + ": " + rootMessage(e));
            }
            main.bind(RABBIT_CF, rabbit);
            main.bind(RABBIT_PUBLISHER_CF, publisher);
            rabbitUri = "spring-rabbitmq:default?connectionFactory=#" + RABBIT_CF + "&queues=" + topology.queue()
                    + "&autoDeclare=false&acknowledgeMode=MANUAL&asyncConsumer=true"
                    + "&prefetchCount=" + config.get(HubOptions.PREFETCH)
                    + "&concurrentConsumers=" + config.get(HubOptions.CONSUMERS)
                    + "&maximumRetryAttempts=0&rejectAndDontRequeue=false";
            deadUri = "spring-rabbitmq:default?connectionFactory=#" + RABBIT_PUBLISHER_CF + "&routingKey=" + deadQueue
                    + "&confirm=enabled";
            endpoints.add("rabbitmq " + redact(uri) + "  (queue " + topology.queue() + " bound to "
                    + config.get(HubOptions.EXCHANGES).size() + " exchanges)");
        }

        // beans integrator routes can use by name
        EnvelopeDecoder decoder = new EnvelopeDecoder(config.get(HubOptions.MAX_BODY));
        ExecutorService completions = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "meterhub-ack");
            t.setDaemon(true);
            return t;
        });
        closeables.add(completions::shutdown);
        acknowledger = new Acknowledger();
        closeables.add(0, acknowledger); // after the routes and the writer stopped, before the RabbitMQ connection
        main.bind(HubNames.DECODER_BEAN, decoder);
        main.bind(HubNames.TRANSLATOR_BEAN, translator);
        main.bind(HubNames.WRITER_BEAN, writer);
        main.bind(HubNames.INGEST_PROCESSOR_BEAN, new IngestProcessor(decoder, translator, clock));
        main.bind(HubNames.STORE_PROCESSOR_BEAN, new StoreProcessor(writer, acknowledger, completions));

        main.configure().addRoutesBuilder(new IngestRoutes(rabbitUri, amqpUri, deadUri, acknowledger));
        main.configure().addRoutesBuilder(new HealthRoutes(database, writer));
        ApiSettings api = new ApiSettings(
                tokens,
                config.get(HubOptions.API_LIMIT),
                config.get(HubOptions.SECRET),
                config.get(HubOptions.STORE).isPresent(),
                clock);
        main.configure().addRoutesBuilder(new ApiRoutes(database, writer, statistics, api));
        main.configure()
                .addRoutesBuilder(new FeedRoutes(
                        feeds.source(), writer, tokens, new AtomEntryReader(config.get(HubOptions.FEEDS_MAX_POST))));
        // WebSub hub and AtomPub push out: pushers read the feeds after their stored cursors
        PushScheduler pushes = new PushScheduler(feeds.source(), PushConfig.backoff(config), PUSH_PAGE, clock);
        closeables.add(0, pushes);
        HttpPost http = new HttpPost(HttpPost.client());
        Subscriptions subscriptions =
                new Subscriptions(database, pushes, feeds.source(), http, PushConfig.websub(config), clock);
        IntentVerifier verifier = new IntentVerifier(HttpPost.client(), subscriptions);
        closeables.add(0, verifier);
        main.configure().addRoutesBuilder(new HubRoutes(tokens, verifier, PushConfig.websub(config)));
        if (!ApiConfig.anyCredential(config)) {
            LOG.warn("no API credentials are configured (--admin-token, --tokens, --keystone-url): every /v2, /v1 "
                    + "and /feeds request is refused with 401");
        }

        Path routes = config.routesDirectory();
        createDirectory(routes, HubOptions.ROUTES.name());
        main.configure()
                .withRoutesIncludePattern("file:" + routes + "/*.xml")
                .withRoutesReloadEnabled(true)
                .withRoutesReloadDirectory(routes.toString())
                .withRoutesReloadPattern("*.xml")
                .withRoutesReloadRemoveAllRoutes(false);

        // platform-http names its router after the configured port, so port 0 is resolved here
        httpPort = config.get(HubOptions.PORT) == 0 ? freePort() : config.get(HubOptions.PORT);
        // Vert.x buffers a request body whole before a route sees it: refuse (413) any larger than a route accepts
        long maxBody = Math.max(config.get(HubOptions.MAX_BODY), config.get(HubOptions.FEEDS_MAX_POST));
        main.configure()
                .httpServer()
                .withEnabled(true)
                .withHost("127.0.0.1")
                .withPort(httpPort)
                .withMaxBodySize(maxBody);
        int resumed = subscriptions.resume();
        if (config.get(HubOptions.ATOMPUB_PUSH_URL).isPresent()) {
            URI target = config.get(HubOptions.ATOMPUB_PUSH_URL).get();
            AtomPubTargets.start(
                    database,
                    pushes,
                    feeds.source(),
                    http,
                    target,
                    config.get(HubOptions.ATOMPUB_PUSH_FEEDS),
                    "http://127.0.0.1:" + httpPort);
            endpoints.add(
                    "atompub  " + redact(target) + "  (pushing " + config.get(HubOptions.ATOMPUB_PUSH_FEEDS) + ")");
        }
        main.start();
        pushes.start(config.get(HubOptions.PUSH_INTERVAL));
        JsonErrorPages.install(main.getCamelContext(), httpPort);
        endpoints.add("http     http://127.0.0.1:" + httpPort + "  (GET /health, Ceilometer API /v2, ATOM feeds "
                + FeedRoutes.PATH + ", OpenAPI " + ApiRoutes.OPENAPI_PATH + ")");
        endpoints.add(
                "websub   http://127.0.0.1:" + httpPort + HubRoutes.PATH + "  (" + resumed + " subscriptions resumed)");
        endpoints.add("routes   " + routes + "  (*.xml, Camel XML DSL, reloaded on change)");
    }

    /** One line per endpoint, for the operator. */
    public List<String> endpoints() {
        return List.copyOf(endpoints);
    }

    public String storeUri() {
        return storeUri;
    }

    public int httpPort() {
        return httpPort;
    }

    public int amqpPort() {
        return amqpPort;
    }

    public MongoDatabase database() {
        return database;
    }

    public BatchingWriter writer() {
        return writer;
    }

    /** Acknowledges the RabbitMQ deliveries, coalesced per channel. */
    public Acknowledger acknowledger() {
        return acknowledger;
    }

    /** Statistics for the API: from rollups when the query allows, else from the raw samples. */
    public StatisticsService statistics() {
        return statistics;
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (main != null) {
            try {
                main.stop();
            } catch (RuntimeException e) {
                LOG.warn("stopping the routes failed: {}", e.toString());
            }
        }
        if (writer != null) {
            writer.stop(Duration.ofSeconds(20));
        }
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", c, e.toString());
            }
        }
    }

    private static MongoClient mongoClient(String uri, boolean external) {
        ConnectionString cs = new ConnectionString(uri);
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(cs);
        if (external && cs.getWriteConcern() == null) {
            // acknowledged means journaled on a majority: a write the hub acks survives a MongoDB crash
            settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
        }
        return MongoClients.create(settings.build());
    }

    static CachingConnectionFactory rabbitConnectionFactory(URI uri, String connectionName) {
        com.rabbitmq.client.ConnectionFactory rabbit;
        try {
            rabbit = RabbitUris.connectionFactory(uri);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("option --rabbitmq: " + redact(uri) + " is " + e.getMessage());
        }
        rabbit.setAutomaticRecoveryEnabled(false); // Spring AMQP recovers connections and consumers itself
        CachingConnectionFactory cf = new CachingConnectionFactory(rabbit);
        cf.setConnectionNameStrategy(f -> connectionName);
        return cf;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void createDirectory(Path dir, String option) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConfigException("option --" + option + ": cannot create directory " + dir + ": " + e);
        }
    }

    static String redact(URI uri) {
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null || !userInfo.contains(":")) {
            return uri.toString();
        }
        return uri.toString().replace(userInfo, userInfo.substring(0, userInfo.indexOf(':')) + ":***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
