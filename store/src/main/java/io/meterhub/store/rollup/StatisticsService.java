package io.meterhub.store.rollup;

import io.meterhub.store.query.Statistics;
import io.meterhub.store.query.StatisticsQuery;
import io.meterhub.store.query.StatisticsSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The statistics source the API should use: the rollups when they can answer the query, else the raw samples
 * (both give the same result; the rollups read one document per day instead of every sample).
 */
public final class StatisticsService implements StatisticsSource {

    private final RollupStatistics rollups;
    private final StatisticsSource raw;
    private final AtomicLong fromRollups = new AtomicLong();
    private final AtomicLong fromRaw = new AtomicLong();

    public StatisticsService(RollupStatistics rollups, StatisticsSource raw) {
        this.rollups = rollups;
        this.raw = raw;
    }

    @Override
    public List<Statistics> statistics(StatisticsQuery q) {
        var answer = rollups.answer(q);
        if (answer.isPresent()) {
            fromRollups.incrementAndGet();
            return answer.get();
        }
        fromRaw.incrementAndGet();
        return raw.statistics(q);
    }

    /** Queries answered from rollups so far. */
    public long answeredFromRollups() {
        return fromRollups.get();
    }

    /** Queries answered from the raw samples so far. */
    public long answeredFromRawSamples() {
        return fromRaw.get();
    }
}
