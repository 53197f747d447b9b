package io.meterhub.mediation.python;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Python's {@code str()} of a JSON value, as Ceilometer applies it when a definition turns a value into text: strings
 * as they are, {@code True}/{@code False}/{@code None}, floats as Python's {@code repr} ({@code 1e-05},
 * {@code 100.0}), lists and dicts as their Python literal ({@code {'a': 1}}).
 */
public final class PythonValues {

    private PythonValues() {}

    /** {@code str(value)}; Java null and JSON null are {@code None}. */
    public static String str(JsonNode value) {
        if (value != null && value.isTextual()) {
            return value.textValue();
        }
        StringBuilder out = new StringBuilder();
        repr(value, out);
        return out.toString();
    }

    /** {@code repr(value)}. */
    public static String repr(JsonNode value) {
        StringBuilder out = new StringBuilder();
        repr(value, out);
        return out.toString();
    }

    private static void repr(JsonNode v, StringBuilder out) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            out.append("None");
        } else if (v.isTextual()) {
            quote(v.textValue(), out);
        } else if (v.isBoolean()) {
            out.append(v.booleanValue() ? "True" : "False");
        } else if (v.isIntegralNumber()) {
            out.append(v.bigIntegerValue());
        } else if (v.isNumber()) {
            out.append(PythonFloat.repr(v.doubleValue()));
        } else if (v.isArray()) {
            out.append('[');
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                repr(v.get(i), out);
            }
            out.append(']');
        } else if (v.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = v.fields();
            boolean first = true;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (!first) {
                    out.append(", ");
                }
                first = false;
                quote(f.getKey(), out);
                out.append(": ");
                repr(f.getValue(), out);
            }
            out.append('}');
        } else {
            out.append(v.asText());
        }
    }

    /** Python's quoting of a str: single quotes unless the text holds a single quote and no double quote. */
    private static void quote(String s, StringBuilder out) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(q);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == q || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
            } else if (!printable(cp)) {
                out.append(
                        cp <= 0xff
                                ? String.format("\\x%02x", cp)
                                : cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        out.append(q);
    }

    /** An approximation of Python's {@code str.isprintable} for one code point. */
    private static boolean printable(int cp) {
        int type = Character.getType(cp);
        return !(type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || (type == Character.SPACE_SEPARATOR && cp != ' '));
    }

    /** Python's truthiness of a JSON value ({@code if value:}); Java null counts as {@code None}. */
    public static boolean truthy(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (v.isTextual()) {
            return !v.textValue().isEmpty();
        }
        if (v.isNumber()) {
            return v.doubleValue() != 0;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.size() > 0;
    }

    /** {@code str(value)[:limit]}, counted in code points as Python slices. */
    public static String crop(String s, int limit) {
        if (s.length() <= limit) {
            return s;
        }
        int end = s.offsetByCodePoints(0, Math.min(limit, s.codePointCount(0, s.length())));
        return s.substring(0, end);
    }
}
