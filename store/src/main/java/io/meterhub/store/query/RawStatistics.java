package io.meterhub.store.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.meterhub.store.StoreNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Statistics computed from the raw samples, streaming over one cursor of the matching samples (oldest first, only
 * the fields needed) and folding each into the {@link StatisticsAccumulator} of its unit, group and period — the
 * semantics of Ceilometer's MongoDB driver ({@code impl_mongodb.get_meter_statistics}):
 *
 * <ul>
 *   <li>entries are per (unit, group-by values, period): the driver's {@code $group} key holds the unit;
 *   <li>periods are laid from the query's start, or else from the first matching sample ({@link Periods}); periods
 *       without samples are not returned; without a period there is one entry per unit and group, with
 *       {@code period_start} the anchor, {@code period_end} its last sample and {@code period} 0;
 *   <li>{@code duration_start}/{@code duration_end} are the entry's first and last sample and {@code duration} the
 *       seconds between them as a float (so the v2 API's clamping to the query range changes nothing);
 *   <li>entries are ordered by period start (the driver's {@code $sort: {_id.period_start: 1}}), then by group
 *       values and unit, so that the order is stable.
 * </ul>
 *
 * <p>Differences: the driver anchored periods without a query start at the oldest sample of the whole collection
 * (any meter); meterhub anchors them at the oldest matching sample, as Ceilometer's SQL driver did. Times keep their
 * microseconds (the driver's were milliseconds).
 */
public final class RawStatistics implements StatisticsSource {

    private static final MongoFilters FILTERS = new MongoFilters(FieldLayout.SAMPLES);
    private static final Bson OLDEST_FIRST = Sorts.ascending("timestamp", "_id");
    private static final String TIMESTAMP = "timestamp";
    private static final String TIMESTAMP_ISO = "timestamp_iso";

    private final MongoCollection<Document> samples;

    public RawStatistics(MongoDatabase db) {
        this.samples = db.getCollection(StoreNames.SAMPLES);
    }

    @Override
    public List<Statistics> statistics(StatisticsQuery q) {
        List<Aggregate> aggregates = StatisticsRules.check(q);
        List<String> cardinality = StatisticsRules.cardinalityFields(aggregates);
        List<List<String>> groupPaths =
                q.groupBy().stream().map(FieldLayout.SAMPLES::paths).toList();
        Fold fold = new Fold(q, cardinality, groupPaths);
        for (Document d : samples.find(FILTERS.translate(q.filter()))
                .projection(projection(cardinality, groupPaths))
                .sort(OLDEST_FIRST)) {
            fold.add(d);
        }
        return fold.finish(aggregates);
    }

    private static Bson projection(List<String> cardinality, List<List<String>> groupPaths) {
        Set<String> fields = new LinkedHashSet<>(List.of(TIMESTAMP, TIMESTAMP_ISO, "counter_volume", "counter_unit"));
        fields.addAll(cardinality);
        groupPaths.forEach(fields::addAll);
        return Projections.include(new ArrayList<>(fields));
    }

    /** The value at a dotted stored path, or null. */
    static Object valueAt(Document d, String path) {
        Object current = d;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Document doc) || !doc.containsKey(key)) {
                return null;
            }
            current = doc.get(key);
        }
        return current;
    }

    /** The value of the first of the alternative paths present in the document, or null. */
    static Object firstPresent(Document d, List<String> paths) {
        for (String p : paths) {
            Object v = valueAt(d, p);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private record Key(String unit, List<Object> group, long period) {}

    /** One pass over the samples, oldest first. */
    private static final class Fold {

        private final StatisticsQuery q;
        private final List<String> cardinality;
        private final List<List<String>> groupPaths;
        private final Map<Key, StatisticsAccumulator> entries = new LinkedHashMap<>();
        /** Samples of the first stored millisecond, held until the anchor (their earliest time) is known. */
        private final List<Document> firstMillisecond = new ArrayList<>();

        private Periods periods;
        private Instant anchor;

        Fold(StatisticsQuery q, List<String> cardinality, List<List<String>> groupPaths) {
            this.q = q;
            this.cardinality = cardinality;
            this.groupPaths = groupPaths;
            if (q.start() != null) {
                anchor(q.start());
            }
        }

        private void anchor(Instant t) {
            anchor = t;
            periods = q.periodSeconds() == null ? null : new Periods(t, q.periodSeconds());
        }

        void add(Document d) {
            if (anchor == null) {
                if (!firstMillisecond.isEmpty()
                        && !firstMillisecond.get(0).getDate(TIMESTAMP).equals(d.getDate(TIMESTAMP))) {
                    releaseFirstMillisecond();
                } else {
                    firstMillisecond.add(d);
                    return;
                }
            }
            fold(d);
        }

        private void releaseFirstMillisecond() {
            anchor(firstMillisecond.stream()
                    .map(Fold::time)
                    .min(Comparator.naturalOrder())
                    .orElseThrow());
            firstMillisecond.forEach(this::fold);
            firstMillisecond.clear();
        }

        private void fold(Document d) {
            Instant t = time(d);
            List<Object> group = new ArrayList<>(groupPaths.size());
            groupPaths.forEach(paths -> group.add(firstPresent(d, paths)));
            List<Object> distinct = new ArrayList<>(cardinality.size());
            cardinality.forEach(f -> distinct.add(d.get(f)));
            Key key = new Key(d.getString("counter_unit"), group, periods == null ? 0 : periods.index(t));
            entries.computeIfAbsent(key, k -> new StatisticsAccumulator(cardinality))
                    .add(t, (Number) d.get("counter_volume"), distinct);
        }

        List<Statistics> finish(List<Aggregate> aggregates) {
            if (!firstMillisecond.isEmpty()) {
                releaseFirstMillisecond();
            }
            List<Map.Entry<Key, StatisticsAccumulator>> sorted = new ArrayList<>(entries.entrySet());
            sorted.sort(Map.Entry.comparingByKey(Comparator.comparingLong(Key::period)
                    .thenComparing(Key::group, Fold::compareGroups)
                    .thenComparing(Key::unit, Comparator.nullsFirst(Comparator.naturalOrder()))));
            List<Statistics> out = new ArrayList<>(sorted.size());
            for (Map.Entry<Key, StatisticsAccumulator> e : sorted) {
                out.add(statistics(e.getKey(), e.getValue(), aggregates));
            }
            return out;
        }

        private Statistics statistics(Key key, StatisticsAccumulator acc, List<Aggregate> aggregates) {
            Map<String, Object> groupBy = null;
            if (!q.groupBy().isEmpty()) {
                Map<String, Object> g = new LinkedHashMap<>();
                for (int i = 0; i < q.groupBy().size(); i++) {
                    g.put(q.groupBy().get(i), key.group().get(i));
                }
                groupBy = Collections.unmodifiableMap(g);
            }
            if (periods == null) {
                return acc.toStatistics(aggregates, groupBy, key.unit(), anchor, acc.last(), 0);
            }
            return acc.toStatistics(
                    aggregates,
                    groupBy,
                    key.unit(),
                    periods.start(key.period()),
                    periods.end(key.period()),
                    periods.seconds());
        }

        private static int compareGroups(List<Object> a, List<Object> b) {
            for (int i = 0; i < a.size(); i++) {
                int c = Comparator.nullsFirst(Comparator.<String>naturalOrder())
                        .compare(text(a.get(i)), text(b.get(i)));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        private static String text(Object v) {
            return v == null ? null : String.valueOf(v);
        }

        private static Instant time(Document d) {
            String iso = d.getString(TIMESTAMP_ISO);
            if (iso != null) {
                return Instant.parse(iso);
            }
            Date date = d.getDate(TIMESTAMP);
            return date.toInstant();
        }
    }
}
