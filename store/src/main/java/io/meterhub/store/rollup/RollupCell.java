package io.meterhub.store.rollup;

import static io.meterhub.store.rollup.RollupFields.COUNT;
import static io.meterhub.store.rollup.RollupFields.DOUBLE_SUM;
import static io.meterhub.store.rollup.RollupFields.FIRST;
import static io.meterhub.store.rollup.RollupFields.INTEGER_SUM;
import static io.meterhub.store.rollup.RollupFields.LAST;
import static io.meterhub.store.rollup.RollupFields.MAX;
import static io.meterhub.store.rollup.RollupFields.MIN;
import static io.meterhub.store.rollup.RollupFields.NUMERIC;
import static io.meterhub.store.rollup.RollupFields.SQUARE_SUM;

import org.bson.Document;

/**
 * The mergeable statistics of some samples: count, how many had a volume, the exact sum of integral volumes and
 * the sum of the others, the sum of squares, min, max, and first and last time (microseconds). Every field merges by
 * addition, minimum or maximum, so a cell is written with {@code $inc}, {@code $min} and {@code $max}, and read
 * cells merge into a period's statistics.
 */
final class RollupCell {

    long count;
    long numeric;
    long integerSum;
    double doubleSum;
    double squareSum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;

    void add(Number volume, long micros) {
        count++;
        first = Math.min(first, micros);
        last = Math.max(last, micros);
        if (volume == null) {
            return;
        }
        numeric++;
        double v = volume.doubleValue();
        if (volume instanceof Long l) {
            try {
                integerSum = Math.addExact(integerSum, l);
            } catch (ArithmeticException overflow) {
                doubleSum += v;
            }
        } else {
            doubleSum += v;
        }
        squareSum += v * v;
        min = Math.min(min, v);
        max = Math.max(max, v);
    }

    void merge(RollupCell o) {
        count += o.count;
        numeric += o.numeric;
        try {
            integerSum = Math.addExact(integerSum, o.integerSum);
        } catch (ArithmeticException overflow) {
            doubleSum += o.integerSum;
        }
        doubleSum += o.doubleSum;
        squareSum += o.squareSum;
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
        first = Math.min(first, o.first);
        last = Math.max(last, o.last);
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Adds this cell's fields, under {@code prefix}, to the {@code $inc}, {@code $min} and {@code $max} documents. */
    void appendTo(String prefix, Document inc, Document mins, Document maxes) {
        inc.append(prefix + COUNT, count);
        if (numeric > 0) {
            inc.append(prefix + NUMERIC, numeric);
            inc.append(prefix + INTEGER_SUM, integerSum);
            inc.append(prefix + DOUBLE_SUM, doubleSum);
            inc.append(prefix + SQUARE_SUM, squareSum);
            mins.append(prefix + MIN, min);
            maxes.append(prefix + MAX, max);
        }
        mins.append(prefix + FIRST, first);
        maxes.append(prefix + LAST, last);
    }

    /** The cell stored under {@code prefix}, or null when the document has none there. */
    static RollupCell read(Document d, String prefix) {
        Number count = (Number) d.get(prefix + COUNT);
        if (count == null || count.longValue() == 0) {
            return null;
        }
        RollupCell c = new RollupCell();
        c.count = count.longValue();
        c.numeric = longAt(d, prefix + NUMERIC);
        c.integerSum = longAt(d, prefix + INTEGER_SUM);
        c.doubleSum = doubleAt(d, prefix + DOUBLE_SUM);
        c.squareSum = doubleAt(d, prefix + SQUARE_SUM);
        if (c.numeric > 0) {
            c.min = doubleAt(d, prefix + MIN);
            c.max = doubleAt(d, prefix + MAX);
        }
        c.first = longAt(d, prefix + FIRST);
        c.last = longAt(d, prefix + LAST);
        return c;
    }

    private static long longAt(Document d, String field) {
        Number n = (Number) d.get(field);
        return n == null ? 0 : n.longValue();
    }

    private static double doubleAt(Document d, String field) {
        Number n = (Number) d.get(field);
        return n == null ? 0 : n.doubleValue();
    }

    /** The sum of all volumes: exact while only integral volumes were seen. */
    double sum() {
        return doubleSum == 0 ? (double) integerSum : integerSum + doubleSum;
    }
}
