package io.meterhub.routes.api.query;

import java.util.Optional;

/**
 * One Python string literal, as {@code ast.literal_eval} reads it: {@code 'text'} or {@code "text"}, optionally
 * prefixed {@code u} or {@code r} (raw: backslashes kept), with Python's escapes ({@code \n}, {@code \t},
 * {@code \xhh}, {@code \\u} with four hex digits, {@code \\}, {@code \'} ...; an unknown escape keeps its backslash).
 */
final class PythonStringLiteral {

    private PythonStringLiteral() {}

    /** The string {@code s} spells, or empty when {@code s} is not exactly one string literal. */
    static Optional<String> parse(String s) {
        int i = 0;
        boolean raw = false;
        if (!s.isEmpty() && "uUrR".indexOf(s.charAt(0)) >= 0) {
            raw = s.charAt(0) == 'r' || s.charAt(0) == 'R';
            i = 1;
        }
        if (s.length() < i + 2) {
            return Optional.empty();
        }
        char quote = s.charAt(i);
        if ((quote != '\'' && quote != '"') || s.charAt(s.length() - 1) != quote) {
            return Optional.empty();
        }
        String body = s.substring(i + 1, s.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c == quote || c == '\n') {
                return Optional.empty(); // an unescaped quote ends the literal early: this is not one literal
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (k + 1 >= body.length()) {
                return Optional.empty(); // the backslash escapes the closing quote
            }
            char e = body.charAt(++k);
            if (raw) {
                out.append('\\').append(e);
                continue;
            }
            int consumed = escape(body, k, out);
            if (consumed < 0) {
                return Optional.empty();
            }
            k += consumed;
        }
        return Optional.of(out.toString());
    }

    /** Appends the escape whose letter is at {@code k}; returns the extra characters it used, -1 when malformed. */
    private static int escape(String body, int k, StringBuilder out) {
        char e = body.charAt(k);
        switch (e) {
            case '\\', '\'', '"' -> out.append(e);
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000b');
            case '\n' -> {} // line continuation
            case 'x' -> {
                return hex(body, k, 2, out);
            }
            case 'u' -> {
                return hex(body, k, 4, out);
            }
            case 'U' -> {
                return hex(body, k, 8, out);
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    int end = k;
                    while (end < body.length() && end < k + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
                        end++;
                    }
                    out.appendCodePoint(Integer.parseInt(body.substring(k, end), 8));
                    return end - k - 1;
                }
                out.append('\\').append(e);
            }
        }
        return 0;
    }

    private static int hex(String body, int k, int digits, StringBuilder out) {
        String h = body.substring(k + 1, Math.min(body.length(), k + 1 + digits));
        if (h.length() != digits || !h.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            return -1;
        }
        int cp = (int) Long.parseLong(h, 16);
        if (!Character.isValidCodePoint(cp)) {
            return -1;
        }
        out.appendCodePoint(cp);
        return digits;
    }
}
