package io.meterhub.mediation.jsonpath;

/**
 * A token of the JSONPath lexer.
 *
 * @param type the grammar terminal: {@code ID}, {@code NUMBER}, ..., or the character of a literal such as {@code .}
 * @param value the token's value: String, BigInteger (NUMBER), Double (FLOAT) or Boolean (BOOL)
 * @param position the offset of the token in the expression
 */
record Token(String type, Object value, int position) {

    static final String END = "$end";

    @Override
    public String toString() {
        return type.equals(END) ? "end of expression" : "'" + value + "' (" + type + ") at column " + position;
    }
}
