package io.meterhub.mediation.event;

import java.util.regex.Pattern;

/**
 * A Unix shell glob over event types, as Python's {@code fnmatch.fnmatch} matches it on POSIX: {@code *} any text,
 * {@code ?} one character, {@code [seq]} and {@code [!seq]} character sets, the whole type must match.
 */
final class EventTypeGlob {

    private final String glob;
    private final Pattern pattern;

    EventTypeGlob(String glob) {
        this.glob = glob;
        this.pattern = Pattern.compile(translate(glob), Pattern.DOTALL);
    }

    boolean matches(String eventType) {
        return pattern.matcher(eventType).matches();
    }

    String glob() {
        return glob;
    }

    /** The port of {@code fnmatch.translate}. */
    static String translate(String glob) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        int n = glob.length();
        while (i < n) {
            char c = glob.charAt(i++);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && glob.charAt(j) == '!') {
                    j++;
                }
                if (j < n && glob.charAt(j) == ']') {
                    j++;
                }
                while (j < n && glob.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    re.append("\\[");
                } else {
                    String set = glob.substring(i, j).replace("\\", "\\\\");
                    i = j + 1;
                    if (set.startsWith("!")) {
                        set = "^" + set.substring(1);
                    } else if (set.startsWith("^")) {
                        set = "\\" + set;
                    }
                    re.append('[').append(set.replace("[", "\\[")).append(']');
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
