package io.meterhub.routes.api.query;

import java.util.Collection;
import java.util.stream.Collectors;

/** Python 3's repr of the few values Ceilometer puts into its error messages. */
final class PythonRepr {

    private PythonRepr() {}

    /** {@code 'text'} (with Python's quote choice and escapes), or {@code None}. */
    static String str(String s) {
        if (s == null) {
            return "None";
        }
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append(quote).toString();
    }

    /** {@code ['a', 'b']}. */
    static String list(Collection<String> items) {
        return items.stream().map(PythonRepr::str).collect(Collectors.joining(", ", "[", "]"));
    }
}
