package io.meterhub.routes;

import io.meterhub.store.retention.Expirer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link Expirer} on its own thread, {@code every} after the end of the previous run (the first one
 * {@code every} after start). A failed run is logged and the next one tries again.
 */
final class ExpirerSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExpirerSchedule.class);

    private final ScheduledExecutorService executor;

    private ExpirerSchedule(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static ExpirerSchedule start(Expirer expirer, Duration every) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "meterhub-expirer");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, every.toMillis());
        executor.scheduleWithFixedDelay(() -> run(expirer), millis, millis, TimeUnit.MILLISECONDS);
        return new ExpirerSchedule(executor);
    }

    private static void run(Expirer expirer) {
        try {
            expirer.runOnce();
        } catch (RuntimeException e) {
            LOG.warn("the expirer failed, it runs again later: {}", e.toString());
        }
    }

    /** Stops the schedule, waiting up to 10 s for a run in progress to finish its current step. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
