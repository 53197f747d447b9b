package io.meterhub.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.meterhub.model.Sample;
import io.meterhub.model.Translation;
import io.meterhub.store.EmbeddedStore;
import io.meterhub.store.IngestRepository;
import io.meterhub.store.StoreIndexes;
import io.meterhub.store.StoreNames;
import io.meterhub.store.WriteBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Documents the store writes per notification when notifications go through the hub's {@link IngestRepository} in
 * batches (H2 file store, commit after each batch): sample and event inserts and resource updates — what it wrote
 * before rollups — and the rollup upserts and journal writes that rollups add. Also the rate, with rollups.
 */
final class IngestCost {

    private IngestCost() {}

    static void measure(Report report, String label, List<Translation> notifications, int batchSize) throws Exception {
        Path dir = Files.createTempDirectory("meterhub-ingest-cost-");
        long samples = 0;
        long events = 0;
        long resourceUpdates = 0;
        long journal = 0;
        long nanos;
        long rollups;
        try (EmbeddedStore store = EmbeddedStore.start(dir, 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            var db = client.getDatabase(StoreNames.DEFAULT_DATABASE);
            StoreIndexes.ensure(db);
            IngestRepository repository = new IngestRepository(db, store.barrier(), Clock.systemUTC());
            long t0 = System.nanoTime();
            for (int i = 0; i < notifications.size(); i += batchSize) {
                List<Translation> batch = notifications.subList(i, Math.min(notifications.size(), i + batchSize));
                repository.write(new WriteBatch(batch, List.of()));
                Set<String> resources = new HashSet<>();
                long batchSamples = 0;
                for (Translation t : batch) {
                    batchSamples += t.samples().size();
                    events += t.events().size();
                    t.samples().stream().map(Sample::resourceId).forEach(resources::add);
                }
                samples += batchSamples;
                resourceUpdates += 2L * resources.size(); // ResourceUpdates: two updates per resource and batch
                journal += batchSamples == 0 ? 0 : 1 + (batchSamples - 1) / 10_000;
            }
            nanos = System.nanoTime() - t0;
            rollups = repository.rollupDocumentsWritten();
        } finally {
            IngestBenchmark.deleteTree(dir);
        }
        double n = notifications.size();
        double before = (samples + events + resourceUpdates) / n;
        double after = before + (rollups + journal) / n;
        report.line(
                "ingest cost",
                String.format(
                        Locale.ROOT,
                        "%s: %d notifications, %d samples, batches of %d",
                        label,
                        notifications.size(),
                        samples,
                        batchSize));
        report.line(
                "",
                String.format(
                        Locale.ROOT,
                        "  documents written per notification: %.2f samples + %.2f events + %.2f resource updates = "
                                + "%.2f without rollups",
                        samples / n,
                        events / n,
                        resourceUpdates / n,
                        before));
        report.line(
                "",
                String.format(
                        Locale.ROOT,
                        "  + %.2f rollup upserts + %.3f journal writes = %.2f with rollups (x%.2f); %.2f rollup "
                                + "upserts per sample; %.0f notif/s with rollups",
                        rollups / n,
                        journal / n,
                        after,
                        after / before,
                        samples == 0 ? 0 : rollups / (double) samples,
                        n / (nanos / 1e9)));
    }
}
