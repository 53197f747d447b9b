package io.meterhub.mediation.jsonpath.python;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The replacement template of Python's {@code re.sub}: group references {@code \1}, {@code \g<1>}, {@code \g<name>},
 * the escapes {@code \n \t ...}, and any other backslash kept as it is; unknown ASCII-letter escapes are errors.
 */
public final class PyReplacement {

    private final List<Object> parts; // String literal, Integer group number or String[1] group name

    private PyReplacement(List<Object> parts) {
        this.parts = parts;
    }

    /**
     * Compiles {@code template} for {@code regex}.
     *
     * @throws PyException {@code re.error} for a bad escape or a reference to a group the pattern lacks
     */
    public static PyReplacement compile(String template, PyRegex regex) {
        int groups = regex.pattern().matcher("").groupCount();
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '\\' || i + 1 >= template.length()) {
                literal.append(c);
                i++;
                continue;
            }
            char e = template.charAt(i + 1);
            Object group = null;
            if (e == 'g') {
                int close = template.indexOf('>', i);
                if (i + 2 >= template.length() || template.charAt(i + 2) != '<' || close < 0) {
                    throw error("missing <");
                }
                String name = template.substring(i + 3, close);
                group = name.chars().allMatch(Character::isDigit) && !name.isEmpty()
                        ? (Object) Integer.valueOf(name)
                        : new String[] {name};
                i = close + 1;
            } else if (e >= '1' && e <= '9') {
                int end = i + 2;
                if (end < template.length() && template.charAt(end) >= '0' && template.charAt(end) <= '9') {
                    end++;
                }
                group = Integer.valueOf(template.substring(i + 1, end));
                i = end;
            } else {
                String escaped = escape(e);
                literal.append(escaped);
                i += 2;
            }
            if (group != null) {
                if (group instanceof Integer n && n > groups) {
                    throw error("invalid group reference " + n);
                }
                parts.add(literal.toString());
                literal.setLength(0);
                parts.add(group);
            }
        }
        parts.add(literal.toString());
        return new PyReplacement(List.copyOf(parts));
    }

    private static String escape(char e) {
        switch (e) {
            case 'n':
                return "\n";
            case 't':
                return "\t";
            case 'r':
                return "\r";
            case 'f':
                return "\f";
            case 'v':
                return "\u000b";
            case 'a':
                return "\u0007";
            case 'b':
                return "\b";
            case '\\':
                return "\\";
            case '0':
                return "\0";
            default:
                if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z')) {
                    throw error("bad escape \\" + e);
                }
                return "\\" + e;
        }
    }

    private static PyException error(String message) {
        return new PyException("re.error", message);
    }

    void appendTo(StringBuilder out, Matcher m) {
        for (Object part : parts) {
            String text;
            if (part instanceof String s) {
                text = s;
            } else if (part instanceof Integer n) {
                text = m.group(n);
            } else {
                text = m.group(((String[]) part)[0]);
            }
            if (text != null) {
                out.append(text);
            }
        }
    }
}
