package io.meterhub.store.query;

import java.util.Arrays;
import java.util.Optional;

/** A comparison operator of Ceilometer's queries, with the spellings its simple ({@code q.op}) and complex queries use. */
public enum Op {
    LT("lt", "<"),
    LE("le", "<=", "=<"),
    EQ("eq", "=", "=="),
    NE("ne", "!="),
    GE("ge", ">=", "=>"),
    GT("gt", ">");

    private final String[] spellings;

    Op(String... spellings) {
        this.spellings = spellings;
    }

    /** The simple-query name: lt, le, eq, ne, ge, gt. */
    public String wireName() {
        return spellings[0];
    }

    /** The operator spelled {@code text} in a simple or complex query, if any. */
    public static Optional<Op> parse(String text) {
        return Arrays.stream(values())
                .filter(op -> Arrays.asList(op.spellings).contains(text))
                .findFirst();
    }
}
