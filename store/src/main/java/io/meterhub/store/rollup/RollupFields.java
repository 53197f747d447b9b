package io.meterhub.store.rollup;

import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Field names of rollup documents. A day document holds the day's totals under the plain names and each hour's
 * under {@code h07_count}, {@code h07_isum}...; a meter's all-time document holds its totals and the units seen.
 */
final class RollupFields {

    static final String METER = "meter";
    static final String DIMENSION = "dim";
    static final String VALUE = "value";
    /** Day documents: the day's start, a BSON date (the expirer deletes by it). */
    static final String DAY = "day";
    /** All-time documents: the distinct units of the group's samples. */
    static final String UNITS = "units";
    /** The sequence number of the last batch applied to the document (recovery skips documents that have it). */
    static final String SEQ = "seq";

    /** Samples counted, with or without a volume. */
    static final String COUNT = "count";
    /** Samples with a volume. */
    static final String NUMERIC = "n";
    /** Sum of the integral volumes, exact. */
    static final String INTEGER_SUM = "isum";
    /** Sum of the other volumes. */
    static final String DOUBLE_SUM = "dsum";
    /** Sum of the squared volumes (for the standard deviation). */
    static final String SQUARE_SUM = "sumsq";

    static final String MIN = "min";
    static final String MAX = "max";
    /** The first sample's time, in microseconds since the epoch. */
    static final String FIRST = "first";
    /** The last sample's time, in microseconds since the epoch. */
    static final String LAST = "last";

    /** "h00_" ... "h23_", made once: the prefixes are asked for per sample and field. */
    private static final String[] HOURS = IntStream.range(0, 24)
            .mapToObj(h -> String.format(Locale.ROOT, "h%02d_", h))
            .toArray(String[]::new);

    private RollupFields() {}

    /** The prefix of an hour's fields in a day document (0-23); the empty prefix addresses the totals. */
    static String hour(int hour) {
        return HOURS[hour];
    }
}
