package io.meterhub.routes.push;

import io.meterhub.feeds.read.FeedSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives every {@link Pusher} from one thread: every {@code interval} each pusher that is due delivers what is new,
 * page after page while pages come back full (at most {@value #PAGES_PER_TURN} a turn). Pushers are added and removed
 * while it runs.
 */
public final class PushScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PushScheduler.class);
    /** Most pages one pusher delivers in a turn, so a long backlog does not hold up the other pushers. */
    static final int PAGES_PER_TURN = 10;

    private final FeedSource source;
    private final Backoff backoff;
    private final int limit;
    private final Clock clock;
    private final Map<String, Pusher> pushers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "meterhub-push");
        t.setDaemon(true);
        return t;
    });

    /** @param limit most entries per delivery */
    public PushScheduler(FeedSource source, Backoff backoff, int limit, Clock clock) {
        this.source = source;
        this.backoff = backoff;
        this.limit = limit;
        this.clock = clock;
    }

    public void start(Duration interval) {
        thread.scheduleWithFixedDelay(this::runAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Adds {@code pusher}, replacing one with the same id. */
    public void add(Pusher pusher) {
        pushers.put(pusher.id(), pusher);
    }

    public void remove(String id) {
        pushers.remove(id);
    }

    private void runAll() {
        for (Pusher p : pushers.values()) {
            try {
                Pusher.Outcome outcome;
                int pages = 0;
                do {
                    outcome = p.run(source, clock.instant(), backoff, limit);
                } while (outcome == Pusher.Outcome.MORE && ++pages < PAGES_PER_TURN && pushers.get(p.id()) == p);
                if (outcome == Pusher.Outcome.ENDED) {
                    pushers.remove(p.id(), p);
                }
            } catch (RuntimeException e) {
                LOG.warn("pusher {} failed; trying again later: {}", p.id(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
