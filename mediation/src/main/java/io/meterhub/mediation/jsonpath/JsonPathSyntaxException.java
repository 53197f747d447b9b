package io.meterhub.mediation.jsonpath;

/**
 * A JSONPath expression that jsonpath_rw_ext's parser rejects: a character the lexer does not know, a token where
 * the grammar does not allow it, or an invalid named operator such as {@code `split(x)`}.
 */
public final class JsonPathSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String expression;
    private final int position;

    /**
     * @param expression the whole expression
     * @param position the offset in the expression where the problem is
     * @param detail what is wrong there
     */
    public JsonPathSyntaxException(String expression, int position, String detail) {
        super("Parse error in JSONPath '" + expression + "' at column " + position + ": " + detail);
        this.expression = expression;
        this.position = position;
    }

    /** The expression that failed to parse. */
    public String expression() {
        return expression;
    }

    /** The offset in the expression where the problem is. */
    public int position() {
        return position;
    }
}
