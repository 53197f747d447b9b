package io.meterhub.mediation.jsonpath.python;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python {@code re} pattern, translated to a {@link Pattern} that matches the same strings: Python's named groups
 * {@code (?P<name>...)} and {@code (?P=name)}, {@code \Z}, literal braces and brackets that Java would read as syntax,
 * Unicode {@code \d \w \s}, and {@code .} that only stops at {@code \n}. Escapes Python does not know are errors, as in
 * Python.
 */
public final class PyRegex {

    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNICODE_CASE | Pattern.UNIX_LINES;
    private static final Pattern QUANTIFIER = Pattern.compile("\\{(\\d*)(,(\\d*))?}");

    private final String source;
    private final Pattern pattern;

    private PyRegex(String source, Pattern pattern) {
        this.source = source;
        this.pattern = pattern;
    }

    /**
     * Compiles a Python regular expression.
     *
     * @throws PyException {@code re.error} when Python (or the translation) rejects it
     */
    public static PyRegex compile(String python) {
        try {
            return new PyRegex(python, Pattern.compile(translate(python), FLAGS));
        } catch (IllegalArgumentException e) { // including PatternSyntaxException
            throw new PyException("re.error", e.getMessage());
        }
    }

    /** The Python source of the pattern. */
    public String source() {
        return source;
    }

    /** The translated Java pattern. */
    public Pattern pattern() {
        return pattern;
    }

    /** {@code re.match(pattern, s) is not None}: whether the pattern matches at the start of {@code s}. */
    public boolean matchesAtStart(String s) {
        return pattern.matcher(s).lookingAt();
    }

    /** {@code re.sub(pattern, repl, s)} with a compiled replacement template. */
    public String sub(PyReplacement repl, String s) {
        Matcher m = pattern.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int last = 0;
        do {
            out.append(s, last, m.start());
            try {
                repl.appendTo(out, m);
            } catch (IllegalArgumentException e) {
                throw new PyException("re.error", e.getMessage()); // a group name the pattern lacks
            }
            last = m.end();
        } while (m.find());
        return out.append(s, last, s.length()).toString();
    }

    static String translate(String py) {
        StringBuilder out = new StringBuilder(py.length() + 8);
        int i = 0;
        while (i < py.length()) {
            char c = py.charAt(i);
            if (c == '\\') {
                i = escape(py, i, out, false);
            } else if (c == '[') {
                i = characterClass(py, i, out);
            } else if (c == '{') {
                i = brace(py, i, out);
            } else if (py.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 4;
            } else if (py.startsWith("(?P=", i)) {
                int close = py.indexOf(')', i);
                if (close < 0) {
                    throw new IllegalArgumentException("missing ), unterminated name");
                }
                out.append("\\k<").append(py, i + 4, close).append('>');
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int brace(String py, int i, StringBuilder out) {
        Matcher q = QUANTIFIER.matcher(py).region(i, py.length());
        if (q.lookingAt() && (!q.group(1).isEmpty() || q.group(2) != null)) {
            String min = q.group(1).isEmpty() ? "0" : q.group(1);
            out.append('{').append(min);
            if (q.group(2) != null) {
                out.append(',').append(q.group(3));
            }
            out.append('}');
            return q.end();
        }
        out.append("\\{");
        return i + 1;
    }

    private static int characterClass(String py, int i, StringBuilder out) {
        out.append('[');
        i++;
        if (i < py.length() && py.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        boolean first = true;
        while (i < py.length()) {
            char c = py.charAt(i);
            if (c == ']' && !first) {
                out.append(']');
                return i + 1;
            }
            if (c == '\\') {
                i = escape(py, i, out, true);
            } else {
                if (c == '[' || c == ']' || c == '&' || c == '{' || c == '}') {
                    out.append('\\');
                }
                out.append(c);
                i++;
            }
            first = false;
        }
        throw new IllegalArgumentException("unterminated character set");
    }

    private static int escape(String py, int i, StringBuilder out, boolean inClass) {
        if (i + 1 >= py.length()) {
            throw new IllegalArgumentException("bad escape (end of pattern)");
        }
        char e = py.charAt(i + 1);
        switch (e) {
            case 'd', 'D', 'w', 'W', 's', 'S', 'n', 't', 'r', 'f', 'a' -> out.append('\\')
                    .append(e);
            case 'A', 'B' -> out.append(inClass ? fail(e) : "\\" + e);
            case 'b' -> out.append(inClass ? "\\x08" : "\\b");
            case 'Z' -> out.append(inClass ? fail(e) : "\\z");
            case 'v' -> out.append("\\x0B");
            case 'x' -> {
                return hex(py, i, 2, out);
            }
            case 'u' -> {
                return hex(py, i, 4, out);
            }
            case 'U' -> {
                return hex(py, i, 8, out);
            }
            case 'N' -> {
                int close = py.indexOf('}', i);
                if (i + 2 >= py.length() || py.charAt(i + 2) != '{' || close < 0) {
                    throw new IllegalArgumentException("missing {");
                }
                out.append(py, i, close + 1);
                return close + 1;
            }
            default -> {
                if (e >= '0' && e <= '9') {
                    return number(py, i, out, inClass);
                }
                if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z')) {
                    throw new IllegalArgumentException("bad escape \\" + e);
                }
                out.append("\\x{")
                        .append(Integer.toHexString(py.codePointAt(i + 1)))
                        .append('}');
                return i + 1 + Character.charCount(py.codePointAt(i + 1));
            }
        }
        return i + 2;
    }

    private static String fail(char e) {
        throw new IllegalArgumentException("bad escape \\" + e);
    }

    private static int hex(String py, int i, int digits, StringBuilder out) {
        int start = i + 2;
        int end = start + digits;
        if (end > py.length() || !py.substring(start, end).chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw new IllegalArgumentException("incomplete escape \\" + py.charAt(i + 1));
        }
        int cp = Integer.parseInt(py.substring(start, end), 16);
        if (!Character.isValidCodePoint(cp)) {
            throw new IllegalArgumentException("bad escape \\" + py.substring(i + 1, end));
        }
        out.append("\\x{").append(Integer.toHexString(cp)).append('}');
        return end;
    }

    /** A backslash and digits: Python's octal escape or group reference rules (sre_parse). */
    private static int number(String py, int i, StringBuilder out, boolean inClass) {
        int j = i + 1;
        char first = py.charAt(j);
        if (inClass || first == '0') {
            if (!isOctal(first)) {
                throw new IllegalArgumentException("bad escape \\" + first);
            }
            int end = j + 1;
            while (end < py.length() && end < j + 3 && isOctal(py.charAt(end))) {
                end++;
            }
            return octal(py, j, end, out);
        }
        int end = j + 1;
        if (end < py.length() && isAsciiDigit(py.charAt(end))) {
            end++;
            if (isOctal(first) && isOctal(py.charAt(j + 1)) && end < py.length() && isOctal(py.charAt(end))) {
                return octal(py, j, end + 1, out);
            }
        }
        out.append('\\').append(py, j, end).append("(?:)");
        return end;
    }

    private static int octal(String py, int start, int end, StringBuilder out) {
        int value = Integer.parseInt(py.substring(start, end), 8);
        if (value > 0377) {
            throw new IllegalArgumentException("octal escape value outside of range 0-0o377");
        }
        out.append("\\x{").append(Integer.toHexString(value)).append('}');
        return end;
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
