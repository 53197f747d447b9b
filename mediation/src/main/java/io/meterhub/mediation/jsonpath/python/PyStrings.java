package io.meterhub.mediation.jsonpath.python;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code str} methods used by Ceilometer: {@code split}, {@code strip}, {@code isspace}, {@code len}. */
public final class PyStrings {

    private PyStrings() {}

    /** Python's {@code str.isspace()} of one code point: bidirectional class WS, B or S, or category Zs. */
    public static boolean isSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0d)
                || (cp >= 0x1c && cp <= 0x20)
                || cp == 0x85
                || cp == 0xa0
                || Character.getType(cp) == Character.SPACE_SEPARATOR
                || cp == 0x2028
                || cp == 0x2029;
    }

    /** {@code s.strip()}: without leading and trailing whitespace. */
    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** {@code len(s)}: the number of code points. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** {@code s[:count]}: at most the first {@code count} code points. */
    public static String prefix(String s, int count) {
        if (s.length() <= count) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, Math.min(count, length(s))));
    }

    /** {@code s[index]} for {@code 0 <= index < len(s)}: the code point at that position as a string. */
    public static String charAt(String s, int index) {
        int offset = s.offsetByCodePoints(0, index);
        return new String(Character.toChars(s.codePointAt(offset)));
    }

    /**
     * {@code s.split(sep, maxsplit)}.
     *
     * @param sep the separator, or null to split on runs of whitespace
     * @param maxSplit at most this many splits; negative for no limit
     * @throws PyException ValueError for an empty separator
     */
    public static List<String> split(String s, String sep, long maxSplit) {
        if (sep == null) {
            return splitWhitespace(s, maxSplit);
        }
        if (sep.isEmpty()) {
            throw PyException.valueError("empty separator");
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        long splits = 0;
        for (int at = s.indexOf(sep); at >= 0 && (maxSplit < 0 || splits < maxSplit); at = s.indexOf(sep, start)) {
            parts.add(s.substring(start, at));
            start = at + sep.length();
            splits++;
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static List<String> splitWhitespace(String s, long maxSplit) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        int n = s.length();
        long splits = 0;
        while (maxSplit < 0 || splits < maxSplit) {
            i = skipSpace(s, i);
            if (i == n) {
                return parts;
            }
            int j = i;
            while (i < n && !isSpace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            parts.add(s.substring(j, i));
            splits++;
        }
        i = skipSpace(s, i);
        if (i < n) {
            parts.add(s.substring(i));
        }
        return parts;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.codePointAt(i))) {
            i += Character.charCount(s.codePointAt(i));
        }
        return i;
    }
}
