package io.meterhub.store.retention;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.meterhub.store.DurabilityBarrier;
import io.meterhub.store.StoreNames;
import io.meterhub.store.rollup.RollupRetention;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces a {@link RetentionPolicy}: the embedded store does not expire TTL indexes, and a real MongoDB's TTL monitor
 * knows nothing of resources and rollups, so the hub deletes by time itself. Each pass, per collection, finds at most
 * {@code batchSize} expired documents by their time field (a scan on the embedded store, which has no secondary
 * index, and stops early when old documents come first), then deletes them by {@code _id} in one short step run
 * between two ingest batches ({@code exclusive}) and made durable right after; it repeats until nothing is left. Ingest
 * thus waits for at most one small delete at a time, never for a scan.
 */
public final class Expirer {

    private static final Logger LOG = LoggerFactory.getLogger(Expirer.class);

    private final MongoDatabase db;
    private final RetentionPolicy policy;
    private final Clock clock;
    private final int batchSize;
    private final Consumer<Runnable> exclusive;
    private final DurabilityBarrier barrier;

    /**
     * @param exclusive runs a step while no ingest batch is being written
     *     ({@link io.meterhub.store.IngestRepository#exclusive})
     */
    public Expirer(
            MongoDatabase db,
            RetentionPolicy policy,
            Clock clock,
            int batchSize,
            Consumer<Runnable> exclusive,
            DurabilityBarrier barrier) {
        this.db = db;
        this.policy = policy;
        this.clock = clock;
        this.batchSize = batchSize;
        this.exclusive = exclusive;
        this.barrier = barrier;
    }

    /** One pass over every collection with a time-to-live; returns the documents deleted per rule. */
    public Map<String, Long> runOnce() {
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (ExpiryRule rule : rules(clock.instant())) {
            long n = expire(rule);
            deleted.put(rule.name(), n);
            if (n > 0) {
                LOG.info("expired {} {} older than {}", n, rule.name(), rule.limit());
            }
        }
        return deleted;
    }

    private List<ExpiryRule> rules(Instant now) {
        List<ExpiryRule> rules = new ArrayList<>();
        Document all = new Document();
        policy.samples().ifPresent(ttl -> {
            Date limit = date(now, ttl);
            rules.add(new ExpiryRule("samples", StoreNames.SAMPLES, "timestamp", limit, all, false));
            rules.add(new ExpiryRule("resources", StoreNames.RESOURCES, "last_sample_timestamp", limit, all, true));
        });
        policy.events()
                .ifPresent(ttl -> rules.add(
                        new ExpiryRule("events", StoreNames.EVENTS, "generated", date(now, ttl), all, false)));
        policy.rollups().ifPresent(ttl -> {
            Instant from = RollupRetention.retainedFrom(now, ttl);
            rules.add(new ExpiryRule("rollup days", StoreNames.ROLLUPS, "day", Date.from(from), all, false));
            rules.add(new ExpiryRule(
                    "meter rollups",
                    StoreNames.ROLLUPS,
                    "last",
                    ChronoUnit.MICROS.between(Instant.EPOCH, from),
                    Filters.exists("day", false),
                    true));
        });
        policy.deadLetters()
                .ifPresent(ttl -> rules.add(new ExpiryRule(
                        "dead letters", StoreNames.DEAD_LETTERS, "received", date(now, ttl), all, false)));
        return rules;
    }

    private static Date date(Instant now, Duration ttl) {
        return Date.from(now.minus(ttl));
    }

    private long expire(ExpiryRule rule) {
        MongoCollection<Document> c = db.getCollection(rule.collection());
        long total = 0;
        while (true) {
            List<Object> ids = new ArrayList<>(batchSize);
            c.find(rule.candidates())
                    .projection(Projections.include("_id"))
                    .limit(batchSize)
                    .forEach(d -> ids.add(d.get("_id")));
            if (ids.isEmpty()) {
                return total;
            }
            long[] deleted = {0};
            exclusive.accept(() -> deleted[0] = delete(c, rule, ids));
            barrier.sync();
            total += deleted[0];
            if (ids.size() < batchSize || deleted[0] == 0) {
                return total;
            }
        }
    }

    private static long delete(MongoCollection<Document> c, ExpiryRule rule, List<Object> ids) {
        List<Object> expired = ids;
        if (rule.recheck()) {
            expired = new ArrayList<>(ids.size());
            for (Document d : c.find(Filters.in("_id", ids)).projection(Projections.include(rule.field()))) {
                if (rule.stillExpired(d)) {
                    expired.add(d.get("_id"));
                }
            }
        }
        return expired.isEmpty() ? 0 : c.deleteMany(Filters.in("_id", expired)).getDeletedCount();
    }
}
