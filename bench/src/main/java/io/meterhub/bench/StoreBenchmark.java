package io.meterhub.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.meterhub.feeds.FeedSettings;
import io.meterhub.feeds.Feeds;
import io.meterhub.mediation.EnvelopeDecoder;
import io.meterhub.mediation.MediationSettings;
import io.meterhub.mediation.NotificationTranslator;
import io.meterhub.mediation.RejectedMessageException;
import io.meterhub.mediation.Translators;
import io.meterhub.model.Json;
import io.meterhub.model.Translation;
import io.meterhub.store.EmbeddedStore;
import io.meterhub.store.IngestRepository;
import io.meterhub.store.WriteBatch;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.bson.Document;

/**
 * The embedded store alone, without broker or Camel: how many notifications per second the H2 file store takes
 * in batches of 500 with a commit after each, for the hub's layout and for documents that cost the store as
 * little as a document can, so that a layout's ceiling can be judged before building it. The first line is a
 * warm-up in a cold JVM; compare the others.
 *
 * <p>Usage: {@code StoreBenchmark [N] [corpus.jsonl]}; prints one line per layout.
 */
public final class StoreBenchmark {

    private static final int BATCH = 500;

    private StoreBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path corpus = Path.of(args.length > 1 ? args[1] : "testdata/corpus/notifications.jsonl");
        List<Translation> translations = translate(corpus, n);
        BiConsumer<Store, List<Translation>> hubLayout =
                (store, batch) -> store.repository.write(new WriteBatch(batch, List.of()));
        run("warm-up: hub layout in a cold JVM (JIT compiling)", translations, hubLayout);
        run("hub layout (IngestRepository: samples, events, resources)", translations, hubLayout);
        run(
                "hub layout + feeds (entries, postings, sequence state)",
                translations,
                (store, batch) -> store.withFeeds.write(new WriteBatch(batch, List.of())));
        run(
                "events only",
                translations,
                (store, batch) -> store.repository.write(new WriteBatch(
                        batch.stream()
                                .map(t -> new Translation(t.source(), List.of(), t.events()))
                                .toList(),
                        List.of())));
        run(
                "one tiny document per notification, _id = message_id (random)",
                translations,
                (store, batch) -> store.insertTiny(batch, false));
        run(
                "one tiny document per notification, ascending _id",
                translations,
                (store, batch) -> store.insertTiny(batch, true));
    }

    private static void run(String layout, List<Translation> translations, BiConsumer<Store, List<Translation>> write)
            throws Exception {
        Path dir = Files.createTempDirectory("meterhub-store-bench-");
        try (Store store = new Store(dir)) {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < translations.size(); i += BATCH) {
                write.accept(store, translations.subList(i, Math.min(translations.size(), i + BATCH)));
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            long bytes = Files.size(dir.resolve("store.mv.db"));
            System.out.printf(
                    Locale.ROOT,
                    "%-66s %6d notif in %5.1f s  %6.0f notif/s  cpu %4.0f us/notif  %6.1f MB on disk (%.1f KB/notif)%n",
                    layout,
                    translations.size(),
                    s,
                    translations.size() / s,
                    cpu * 1e6 / translations.size(),
                    bytes / 1e6,
                    bytes / 1e3 / translations.size());
        } finally {
            IngestBenchmark.deleteTree(dir);
        }
    }

    /** The corpus cycled to {@code n} translations with fresh message ids (refused notifications skipped). */
    static List<Translation> translate(Path corpus, int n) throws Exception {
        List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
        EnvelopeDecoder decoder = new EnvelopeDecoder(Integer.MAX_VALUE - 8);
        NotificationTranslator translator = Translators.create(MediationSettings.defaults());
        List<Translation> out = new ArrayList<>(n);
        for (int i = 0; out.size() < n; i++) {
            ObjectNode m = (ObjectNode) Json.mapper().readTree(lines.get(i % lines.size()));
            m.put("message_id", UUID.randomUUID().toString());
            try {
                out.add(translator.translate(decoder.decode(m.toString().getBytes(StandardCharsets.UTF_8))));
            } catch (RejectedMessageException e) {
                // the corpus's malformed timestamps; the hub dead-letters them
            }
        }
        return out;
    }

    private static final class Store implements AutoCloseable {
        final EmbeddedStore embedded;
        final MongoClient client;
        final MongoDatabase db;
        final IngestRepository repository;
        /** The same, with the feeds writing their entries as a batch contributor (as the hub runs). */
        final IngestRepository withFeeds;

        private long sequence;

        Store(Path dir) {
            embedded = EmbeddedStore.start(dir, 0);
            client = MongoClients.create(embedded.connectionString());
            db = client.getDatabase("bench");
            repository = new IngestRepository(db, embedded.barrier(), Clock.systemUTC());
            withFeeds = new IngestRepository(
                    db,
                    embedded.barrier(),
                    Clock.systemUTC(),
                    List.of(Feeds.open(db, FeedSettings.defaults(), Clock.systemUTC())
                            .writer()));
        }

        void insertTiny(List<Translation> batch, boolean ascending) {
            MongoCollection<Document> c = db.getCollection("tiny");
            List<Document> docs = new ArrayList<>(batch.size());
            for (Translation t : batch) {
                String id = ascending
                        ? String.format(Locale.ROOT, "%012d", sequence++)
                        : t.source().messageId();
                docs.add(new Document("_id", id)
                        .append("t", t.source().timestamp().toString()));
            }
            c.insertMany(docs);
            embedded.barrier().sync();
        }

        @Override
        public void close() {
            client.close();
            embedded.close();
        }
    }
}
