package io.meterhub.mediation.jsonpath.python;

import com.fasterxml.jackson.databind.JsonNode;

/** The Python type {@code json.loads} gives a JSON value: {@code None}, {@code bool}, {@code int} ... */
public enum PyType {
    NONE("NoneType"),
    BOOL("bool"),
    INT("int"),
    FLOAT("float"),
    STR("str"),
    LIST("list"),
    DICT("dict");

    private final String pythonName;

    PyType(String pythonName) {
        this.pythonName = pythonName;
    }

    /** The Python type of {@code node}; a missing node counts as {@code None}. */
    public static PyType of(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT:
                return DICT;
            case STRING:
                return STR;
            case ARRAY:
                return LIST;
            case NUMBER:
                return node.isIntegralNumber() ? INT : FLOAT;
            case BOOLEAN:
                return BOOL;
            case NULL:
            case MISSING:
                return NONE;
            default:
                throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    /** The name Python prints for the type, e.g. {@code NoneType}. */
    public String pythonName() {
        return pythonName;
    }

    /** {@code bool}, {@code int} or {@code float}: the types Python's arithmetic and ordering treat as numbers. */
    public boolean isNumber() {
        return this == BOOL || this == INT || this == FLOAT;
    }

    /** {@code bool} or {@code int}: bool is a subclass of int in Python. */
    public boolean isInteger() {
        return this == BOOL || this == INT;
    }

    /** Python's truthiness ({@code if value:}); Java null counts as {@code None}. */
    public static boolean truthy(JsonNode value) {
        if (value == null) {
            return false;
        }
        return switch (of(value)) {
            case NONE -> false;
            case BOOL -> value.booleanValue();
            case INT, FLOAT -> value.doubleValue() != 0;
            case STR -> !value.textValue().isEmpty();
            case LIST, DICT -> value.size() > 0;
        };
    }
}
