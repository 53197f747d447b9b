package io.meterhub.mediation.jsonpath.python;

/** Python's six rich comparison operators. */
public enum PyComparison {
    EQ("=="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    PyComparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether a three-way comparison result {@code c} (negative, zero, positive) satisfies this operator. */
    boolean holds(int c) {
        switch (this) {
            case EQ:
                return c == 0;
            case NE:
                return c != 0;
            case LT:
                return c < 0;
            case LE:
                return c <= 0;
            case GT:
                return c > 0;
            default:
                return c >= 0;
        }
    }
}
