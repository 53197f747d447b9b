package io.meterhub.store.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.model.Sample;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The test's own statistics, computed directly from Ceilometer's corpus lines with exact decimal arithmetic:
 * Ceilometer's definitions written out once more (count of samples, sum/min/max/avg of the numeric volumes,
 * population standard deviation over the count, distinct values, periods from the anchor).
 */
final class ExpectedStatistics {

    /** One line with the sample built from it (for metadata). */
    record Row(JsonNode line, Sample sample) {

        Instant time() {
            return QueryCorpus.time(line.get("timestamp").asText());
        }

        BigDecimal volume() {
            JsonNode v = line.get("volume");
            return v == null || v.isNull() ? null : v.decimalValue();
        }

        Object field(String name) {
            if (name.startsWith("resource_metadata.")) {
                JsonNode n = SampleOracle.find(
                        sample.resourceMetadata(),
                        name.substring("resource_metadata.".length()).split("\\."));
                return n == null || n.isNull() ? null : n.isNumber() ? (Object) n.numberValue() : n.asText();
            }
            if (name.equals("source")) {
                return "openstack"; // Ceilometer's default sample_source; the lines do not repeat it
            }
            JsonNode v = line.get(name);
            return v == null || v.isNull() ? null : v.asText();
        }
    }

    private ExpectedStatistics() {}

    static List<Row> rows() {
        QueryCorpus c = CorpusStore.corpus();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < c.samples().size(); i++) {
            rows.add(new Row(c.sampleLines().get(i), c.samples().get(i)));
        }
        return rows;
    }

    /**
     * @param match which lines the query selects
     * @param start the query's start, or null
     * @param period seconds, or null
     */
    static List<Statistics> of(
            List<Row> all,
            Predicate<Row> match,
            Instant start,
            Long period,
            List<String> groupBy,
            List<Aggregate> aggregates) {
        List<Row> rows = all.stream().filter(match).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Instant anchor = start != null
                ? start
                : rows.stream().map(Row::time).min(Instant::compareTo).orElseThrow();
        Map<List<Object>, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            List<Object> key = new ArrayList<>();
            key.add(period == null ? 0L : index(anchor, r.time(), period));
            for (String g : groupBy) {
                key.add(r.field(g));
            }
            key.add(r.line().get("unit").asText());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        Comparator<List<Object>> order = Comparator.comparing(k -> (Long) k.get(0));
        for (int i = 1; i < groupBy.size() + 2; i++) {
            int at = i;
            order = order.thenComparing(
                    k -> k.get(at) == null ? null : String.valueOf(k.get(at)),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
        }
        Map<List<Object>, List<Row>> sorted = new TreeMap<>(order);
        sorted.putAll(groups);
        List<Statistics> out = new ArrayList<>();
        sorted.forEach((key, list) -> out.add(entry(key, list, anchor, period, groupBy, aggregates)));
        return out;
    }

    private static long index(Instant anchor, Instant t, long period) {
        BigDecimal seconds = seconds(anchor, t);
        return seconds.divide(BigDecimal.valueOf(period), 0, java.math.RoundingMode.FLOOR)
                .longValueExact();
    }

    private static BigDecimal seconds(Instant a, Instant b) {
        Duration d = Duration.between(a, b);
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    }

    private static Statistics entry(
            List<Object> key, List<Row> rows, Instant anchor, Long period, List<String> groupBy, List<Aggregate> aggs) {
        Instant first = rows.stream().map(Row::time).min(Instant::compareTo).orElseThrow();
        Instant last = rows.stream().map(Row::time).max(Instant::compareTo).orElseThrow();
        List<BigDecimal> volumes =
                rows.stream().map(Row::volume).filter(Objects::nonNull).toList();
        BigDecimal sum = volumes.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal squares = volumes.stream().map(v -> v.multiply(v)).reduce(BigDecimal.ZERO, BigDecimal::add);
        long n = rows.size();
        Double min = volumes.stream()
                .map(BigDecimal::doubleValue)
                .min(Double::compare)
                .orElse(null);
        Double max = volumes.stream()
                .map(BigDecimal::doubleValue)
                .max(Double::compare)
                .orElse(null);
        Double avg = volumes.isEmpty()
                ? null
                : sum.divide(BigDecimal.valueOf(volumes.size()), MathContext.DECIMAL64)
                        .doubleValue();
        double stddev = squares.multiply(BigDecimal.valueOf(n))
                        .subtract(sum.multiply(sum))
                        .sqrt(MathContext.DECIMAL64)
                        .doubleValue()
                / n;
        Map<String, Double> values = new LinkedHashMap<>();
        for (Aggregate a : aggs) {
            Double v =
                    switch (a.function()) {
                        case MIN -> min;
                        case MAX -> max;
                        case AVG -> avg;
                        case SUM -> sum.doubleValue();
                        case COUNT -> (double) n;
                        case STDDEV -> stddev;
                        case CARDINALITY -> {
                            Set<Object> distinct = new HashSet<>();
                            rows.forEach(r -> distinct.add(r.field(a.param())));
                            yield (double) distinct.size();
                        }
                    };
            values.put(a.key(), v);
        }
        Function<String, Boolean> wanted = name -> aggs.isEmpty() || values.containsKey(name);
        Map<String, Object> group = null;
        if (!groupBy.isEmpty()) {
            group = new LinkedHashMap<>();
            for (int i = 0; i < groupBy.size(); i++) {
                group.put(groupBy.get(i), key.get(i + 1));
            }
        }
        long index = (Long) key.get(0);
        Instant periodStart = period == null ? anchor : anchor.plusSeconds(index * period);
        Instant periodEnd = period == null ? last : periodStart.plusSeconds(period);
        return new Statistics(
                group,
                (String) key.get(key.size() - 1),
                periodStart,
                periodEnd,
                period == null ? 0 : period,
                first,
                last,
                seconds(first, last).doubleValue(),
                wanted.apply("min") ? min : null,
                wanted.apply("max") ? max : null,
                wanted.apply("avg") ? avg : null,
                wanted.apply("sum") ? (Double) sum.doubleValue() : null,
                wanted.apply("count") ? (Long) n : null,
                values);
    }

    /** Field by field, doubles to 1e-9 relative. */
    static BiPredicate<Double, Double> close() {
        return (a, b) -> a == null
                ? b == null
                : b != null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
}
