package io.meterhub.mediation.jsonpath.python;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Python's {@code str()} and {@code repr()} of JSON values, e.g. {@code str(None)} is {@code None}. */
public final class PyStr {

    private PyStr() {}

    /** {@code str(value)}: a string as it is, anything else as its repr. */
    public static String str(JsonNode value) {
        return value.isTextual() ? value.textValue() : repr(value);
    }

    /** {@code repr(value)}, e.g. {@code {'a': [1, 2.5, True, None]}}. */
    public static String repr(JsonNode value) {
        StringBuilder out = new StringBuilder();
        appendRepr(out, value);
        return out.toString();
    }

    private static void appendRepr(StringBuilder out, JsonNode value) {
        switch (PyType.of(value)) {
            case NONE:
                out.append("None");
                break;
            case BOOL:
                out.append(value.booleanValue() ? "True" : "False");
                break;
            case INT:
                out.append(PyNumbers.bigInteger(value));
                break;
            case FLOAT:
                out.append(PyFloats.repr(value.doubleValue()));
                break;
            case STR:
                appendStringRepr(out, value.textValue());
                break;
            case LIST:
                out.append('[');
                for (int i = 0; i < value.size(); i++) {
                    out.append(i == 0 ? "" : ", ");
                    appendRepr(out, value.get(i));
                }
                out.append(']');
                break;
            default:
                out.append('{');
                boolean first = true;
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); first = false) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.append(first ? "" : ", ");
                    appendStringRepr(out, e.getKey());
                    out.append(": ");
                    appendRepr(out, e.getValue());
                }
                out.append('}');
        }
    }

    /** {@code repr(s)} of a string: single quotes unless only double quotes avoid escaping. */
    public static String repr(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        appendStringRepr(out, s);
        return out.toString();
    }

    private static void appendStringRepr(StringBuilder out, String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp < 0x100) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp < 0x10000) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        }
        out.append(quote);
    }

    /** Python's {@code str.isprintable()} of one code point. */
    static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
