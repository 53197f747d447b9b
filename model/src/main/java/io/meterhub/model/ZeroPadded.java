package io.meterhub.model;

/** Decimal numbers with leading zeros, as {@code String.format("%0<width>d", value)} writes them, without a Formatter. */
public final class ZeroPadded {

    private ZeroPadded() {}

    /**
     * Appends a non-negative {@code value} with leading zeros to at least {@code width} digits (more when it has
     * more) and returns {@code out}.
     *
     * @throws IllegalArgumentException when {@code value} is negative (the format puts the sign first)
     */
    public static StringBuilder append(StringBuilder out, long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
