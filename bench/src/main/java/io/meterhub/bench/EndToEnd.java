package io.meterhub.bench;

import io.meterhub.routes.Hub;
import io.meterhub.routes.config.HubConfig;
import io.meterhub.store.BatchingWriter;
import io.meterhub.store.StoreNames;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * The hub against a pre-filled queue: starts it, waits until its writer has durably stored (or dead-lettered) all
 * {@code n} notifications, polling every 50 ms, and records when each tenth was done, to show a slowdown as the
 * store grows.
 */
public final class EndToEnd {

    private static final long POLL_MILLIS = 50;
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    /** What the run measured; the hub is left running for the caller to count and close. */
    public record Result(
            Hub hub,
            long startNanos,
            long storedAtStart,
            Measurement total,
            Measurement afterStart,
            double[] tenthRates) {}

    private final HubConfig config;
    private final Duration timeout;
    private final Duration stall;

    public EndToEnd(HubConfig config, Duration timeout, Duration stall) {
        this.config = config;
        this.timeout = timeout;
        this.stall = stall;
    }

    /**
     * @param started receives the hub as soon as it runs, so the caller can close it whatever happens next
     */
    public Result run(int n, java.util.function.Consumer<Hub> started) throws Exception {
        long t0 = System.nanoTime();
        Hub hub = Hub.start(config);
        long t1 = System.nanoTime();
        started.accept(hub);
        return await(hub, n, 0, t0, t1);
    }

    /**
     * A hub that already runs, warm, with its consumers stopped: {@code resume} starts them, and the run lasts until the
     * hub has finished {@code n} more notifications. "Start" in the result is {@code resume}.
     */
    public Result resume(Hub hub, int n, Runnable resume) throws Exception {
        long before = done(hub.writer());
        long t0 = System.nanoTime();
        resume.run();
        long t1 = System.nanoTime();
        return await(hub, n, before, t0, t1);
    }

    /** Waits until the writer has finished {@code n} notifications more than {@code before}. */
    private Result await(Hub hub, int n, long before, long t0, long t1) throws Exception {
        BatchingWriter writer = hub.writer();
        long storedAtStart = done(writer) - before;

        long[] tenthAt = new long[10];
        int tenthsSeen = 0;
        long deadline = t0 + timeout.toNanos();
        long lastCount = -1;
        long lastChange = t1;
        long nextProgress = t1 + PROGRESS_NANOS;
        long count;
        while (true) {
            count = done(writer) - before;
            long now = System.nanoTime();
            while (tenthsSeen < 10 && count >= (long) n * (tenthsSeen + 1) / 10) {
                tenthAt[tenthsSeen++] = now;
            }
            if (count >= n) {
                break;
            }
            if (count != lastCount) {
                lastCount = count;
                lastChange = now;
            }
            if (now >= nextProgress) {
                System.err.printf(
                        "bench: e2e %d/%d stored, %.0f/s so far, writer queue %d, failed writes %d%n",
                        count, n, count / ((now - t0) / 1e9), writer.queued(), writer.failedWrites());
                nextProgress = now + PROGRESS_NANOS;
            }
            if (now - lastChange > stall.toNanos() || now > deadline) {
                throw new IOException(String.format(
                        "end to end: the hub stored %d of %d notifications (%d dead letters) in %.0f s and %s; "
                                + "writer queue %d, failed writes %d, batches %d — see the hub log on stderr",
                        count,
                        n,
                        writer.deadLettersStored(),
                        (now - t0) / 1e9,
                        now > deadline
                                ? "hit the overall timeout of " + timeout.toSeconds() + " s"
                                : "made no progress for " + stall.toSeconds() + " s",
                        writer.queued(),
                        writer.failedWrites(),
                        writer.batchesWritten()));
            }
            Thread.sleep(POLL_MILLIS);
        }
        long end = tenthAt[9];
        double[] tenthRates = new double[10];
        for (int i = 0; i < 10; i++) {
            long from = i == 0 ? t0 : tenthAt[i - 1];
            long items = (long) n * (i + 1) / 10 - (long) n * i / 10;
            tenthRates[i] = new Measurement(items, tenthAt[i] - from).rate();
        }
        return new Result(
                hub,
                t1 - t0,
                storedAtStart,
                new Measurement(count, end - t0),
                new Measurement(count - storedAtStart, end - t1),
                tenthRates);
    }

    /**
     * Messages the writer has finished with: stored, stored as dead letters, or both (a notification partly
     * translated counts once, where the sum of stored notifications and dead letters counted it twice).
     */
    static long done(BatchingWriter writer) {
        return writer.messagesFinished();
    }

    /** Documents per collection, counted in the store. */
    public static Map<String, Long> documents(Hub hub) {
        var db = hub.database();
        return Map.of(
                StoreNames.SAMPLES,
                db.getCollection(StoreNames.SAMPLES).countDocuments(),
                StoreNames.EVENTS,
                db.getCollection(StoreNames.EVENTS).countDocuments(),
                StoreNames.DEAD_LETTERS,
                db.getCollection(StoreNames.DEAD_LETTERS).countDocuments(),
                StoreNames.RESOURCES,
                db.getCollection(StoreNames.RESOURCES).countDocuments());
    }
}
