package io.meterhub.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the timestamps OpenStack writes exactly as far as Ceilometer's {@code oslo_utils.timeutils.parse_isotime}
 * (the {@code iso8601} library) accepts them: {@code YYYY}, {@code YYYY-M-D} or {@code YYYYMMDD}; then {@code T} or a
 * space and {@code HH[:]MM[:]SS[.fraction]} with each colon optional (so {@code 2015-09-25 1541:14} is 15:41:14);
 * then an optional zone {@code Z}, {@code +HH}, {@code +HHMM} or {@code +HH:MM}. A time without a zone is UTC, and
 * the fraction is cut to microseconds as Python's datetime does. Surrounding whitespace is refused, as
 * {@code parse_isotime} refuses it, except one final newline. Anything else is not a timestamp.
 */
public final class Timestamps {

    private static final Pattern ISO8601 = Pattern.compile("(?<year>\\d{4})"
            + "(?:(?:-(?<monthdash>\\d{1,2})|(?<month>\\d{2})(?!$))"
            + "(?:(?:-(?<daydash>\\d{1,2})|(?<day>\\d{2}))"
            + "(?:[ T](?<hour>\\d{2})(?::?(?<minute>\\d{2}))?"
            + "(?::?(?<second>\\d{1,2})(?:[.,](?<fraction>\\d+))?)?"
            + "(?<zone>Z|(?<sign>[-+])(?<zh>\\d{2}):?(?<zm>\\d{2})?)?)?)?)?");

    private Timestamps() {}

    /** Parses {@code text}, or returns empty when it is not a timestamp. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<Instant> common = osloForm(text);
        return common != null ? common : parseWithPattern(text);
    }

    /**
     * The form oslo.messaging writes ({@code str(datetime)}: {@code 2016-03-07 16:23:09.259310}, or without the
     * fraction when it is zero; also with {@code T}), read by position: the pattern's result for it, without the
     * regular expression (this runs for every notification). Null for any other text.
     */
    static Optional<Instant> osloForm(String t) {
        int n = t.length();
        if ((n != 26 && n != 19)
                || t.charAt(4) != '-'
                || t.charAt(7) != '-'
                || (t.charAt(10) != ' ' && t.charAt(10) != 'T')
                || t.charAt(13) != ':'
                || t.charAt(16) != ':'
                || (n == 26 && t.charAt(19) != '.')) {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        int micros = n == 26 ? digits(t, 20, 6) : 0;
        if ((year | month | day | hour | minute | second | micros) < 0) {
            return null;
        }
        try {
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000)
                    .toInstant(ZoneOffset.UTC));
        } catch (java.time.DateTimeException e) {
            return Optional.empty(); // e.g. month 13, hour 25: as the pattern's path answers
        }
    }

    /** The decimal number of {@code length} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String t, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Any form the iso8601 library accepts, by its pattern. */
    static Optional<Instant> parseWithPattern(String text) {
        // the iso8601 library's pattern ends in '$', which in Python also matches before one final newline
        Matcher m = ISO8601.matcher(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(m.group("year")),
                    number(first(m.group("monthdash"), m.group("month")), 1),
                    number(first(m.group("daydash"), m.group("day")), 1),
                    number(m.group("hour"), 0),
                    number(m.group("minute"), 0),
                    number(m.group("second"), 0),
                    micros(m.group("fraction")) * 1000);
            ZoneOffset offset = ZoneOffset.UTC;
            if (m.group("sign") != null) {
                int sign = m.group("sign").equals("-") ? -1 : 1;
                offset = ZoneOffset.ofHoursMinutes(
                        sign * Integer.parseInt(m.group("zh")), sign * number(m.group("zm"), 0));
            }
            return Optional.of(local.toInstant(offset).truncatedTo(ChronoUnit.MICROS));
        } catch (java.time.DateTimeException e) {
            return Optional.empty(); // e.g. month 13, hour 25
        }
    }

    /**
     * Python's {@code datetime.isoformat()} of the UTC time: microseconds only when not zero, and with
     * {@code zone} the {@code +00:00} suffix Ceilometer gives sample timestamps (events and traits are naive).
     */
    public static String isoformat(Instant t, boolean zone) {
        LocalDateTime local = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(32);
        int year = local.getYear();
        if (year >= 0 && year <= 9999) {
            ZeroPadded.append(out, year, 4);
        } else {
            out.append(String.format("%04d", year)); // beyond Python's datetime; as the format gives it
        }
        ZeroPadded.append(out.append('-'), local.getMonthValue(), 2);
        ZeroPadded.append(out.append('-'), local.getDayOfMonth(), 2);
        ZeroPadded.append(out.append('T'), local.getHour(), 2);
        ZeroPadded.append(out.append(':'), local.getMinute(), 2);
        ZeroPadded.append(out.append(':'), local.getSecond(), 2);
        int micros = local.getNano() / 1000;
        if (micros != 0) {
            ZeroPadded.append(out.append('.'), micros, 6);
        }
        return zone ? out.append("+00:00").toString() : out.toString();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static int number(String digits, int absent) {
        return digits == null ? absent : Integer.parseInt(digits);
    }

    private static int micros(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String six = (fraction + "000000").substring(0, 6);
        return Integer.parseInt(six);
    }
}
