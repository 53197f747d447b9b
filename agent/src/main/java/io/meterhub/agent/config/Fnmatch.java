package io.meterhub.agent.config;

import java.util.regex.Pattern;

/**
 * Python's {@code fnmatch.fnmatch} on POSIX (case-sensitive), which Ceilometer matches meter names with: {@code *}
 * any text, {@code ?} one character, {@code [seq]} and {@code [!seq]} a character in or not in the set; everything
 * else literal. A {@code [} without its {@code ]} is literal.
 */
final class Fnmatch {

    private Fnmatch() {}

    /** The regular expression {@code fnmatch.translate(pattern)} makes, compiled. */
    static Pattern compile(String pattern) {
        StringBuilder re = new StringBuilder();
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = closing(pattern, i);
                if (j < 0) {
                    re.append("\\[");
                } else {
                    re.append(set(pattern.substring(i + 1, j)));
                    i = j;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** Index of the {@code ]} closing the set opened at {@code open}, or -1; a {@code ]} first in the set is literal. */
    private static int closing(String p, int open) {
        int j = open + 1;
        if (j < p.length() && p.charAt(j) == '!') {
            j++;
        }
        if (j < p.length() && p.charAt(j) == ']') {
            j++;
        }
        while (j < p.length() && p.charAt(j) != ']') {
            j++;
        }
        return j < p.length() ? j : -1;
    }

    private static String set(String body) {
        StringBuilder s = new StringBuilder("[");
        int start = 0;
        if (body.startsWith("!")) {
            s.append('^');
            start = 1;
        }
        for (int k = start; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c == '-' && k > start && k < body.length() - 1) {
                s.append('-');
            } else if (Character.isLetterOrDigit(c)) {
                s.append(c);
            } else {
                s.append('\\').append(c);
            }
        }
        return s.append(']').toString();
    }
}
