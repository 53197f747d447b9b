package io.meterhub.feeds.search;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A category search over feed entries: a category term, or AND, OR and NOT of searches. Terms match an entry's
 * category terms without regard to case.
 */
public sealed interface Search {

    /** Entries with this category term. */
    record Category(String term) implements Search {}

    /** Entries every one of {@code parts} matches. */
    record And(List<Search> parts) implements Search {
        public And {
            parts = List.copyOf(parts);
        }
    }

    /** Entries any of {@code parts} matches. */
    record Or(List<Search> parts) implements Search {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    /** Entries {@code part} does not match. */
    record Not(Search part) implements Search {}

    /** Both searches at once; either may be null, meaning no condition. */
    static Search and(Search a, Search b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : new And(List.of(a, b));
    }

    /**
     * The search in the parenthesized form {@link SearchParser} reads back to an equal search, e.g.
     * {@code (AND(cat=a)(NOT(cat=b)))}.
     */
    default String text() {
        StringBuilder out = new StringBuilder();
        print(this, out);
        return out.toString();
    }

    private static void print(Search s, StringBuilder out) {
        if (s instanceof Category c) {
            out.append("(cat=");
            for (char ch : c.term().toCharArray()) {
                if (ch == '(' || ch == ')' || ch == '\\') {
                    out.append('\\');
                }
                out.append(ch);
            }
            out.append(')');
            return;
        }
        List<Search> parts = s instanceof And a ? a.parts() : s instanceof Or o ? o.parts() : List.of(((Not) s).part());
        out.append('(').append(s instanceof And ? "AND" : s instanceof Or ? "OR" : "NOT");
        parts.forEach(p -> print(p, out));
        out.append(')');
    }

    /** Every category term the search names. */
    default Set<String> terms() {
        Set<String> out = new TreeSet<>();
        collect(this, out);
        return out;
    }

    private static void collect(Search s, Set<String> out) {
        if (s instanceof Category c) {
            out.add(c.term());
        } else if (s instanceof And a) {
            a.parts().forEach(p -> collect(p, out));
        } else if (s instanceof Or o) {
            o.parts().forEach(p -> collect(p, out));
        } else {
            collect(((Not) s).part(), out);
        }
    }
}
