package io.meterhub.store.rollup;

/**
 * The deterministic {@code _id}s of rollup documents: {@code meter|dimension|value|2012-05-08} for a day of a group,
 * {@code meter|m||*} for a meter over all time. Meter and value are escaped ({@code \} and {@code |} take a
 * backslash), so distinct groups never share a key; the meter overall has the empty value.
 */
final class RollupKeys {

    private static final char SEPARATOR = '|';
    private static final String TOTAL = "*";

    private RollupKeys() {}

    static String day(String meter, RollupDimension dimension, String value, long epochDay) {
        return prefix(meter, dimension, value) + RollupTime.dayText(epochDay);
    }

    static String total(String meter) {
        return prefix(meter, RollupDimension.METER, "") + TOTAL;
    }

    private static String prefix(String meter, RollupDimension dimension, String value) {
        return escape(meter) + SEPARATOR + dimension.code() + SEPARATOR + escape(value) + SEPARATOR;
    }

    static String escape(String text) {
        if (text.indexOf('\\') < 0 && text.indexOf(SEPARATOR) < 0) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == SEPARATOR) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
