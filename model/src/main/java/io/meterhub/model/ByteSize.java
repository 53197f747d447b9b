package io.meterhub.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as operators write them in options: {@code 1048576}, {@code 512KiB}, {@code 64MiB}, {@code 1g} (powers of 1024). */
public final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|b|kib|kb|k|mib|mb|m|gib|gb|g)");

    private ByteSize() {}

    /** A size written correctly that is below one byte or beyond what a long holds. */
    public static final class OutOfRangeException extends IllegalArgumentException {
        OutOfRangeException() {
            super("out of range");
        }
    }

    /**
     * The number of bytes, at least 1.
     *
     * @throws IllegalArgumentException saying what is wrong: not a size, or out of range
     */
    public static long parse(String raw) {
        Matcher m = SIZE.matcher(raw.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size (examples: 1048576, 512KiB, 2MiB)");
        }
        int shift =
                switch (m.group(2)) {
                    case "", "b" -> 0;
                    case "kib", "kb", "k" -> 10;
                    case "mib", "mb", "m" -> 20;
                    default -> 30;
                };
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new OutOfRangeException();
        }
        if (n < 1 || n > (Long.MAX_VALUE >> shift)) {
            throw new OutOfRangeException();
        }
        return n << shift;
    }
}
