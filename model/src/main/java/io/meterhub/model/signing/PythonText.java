package io.meterhub.model.signing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The text Python 3 makes of JSON values (as {@code json.loads} would have decoded them) where Ceilometer's signature
 * turns them into text: {@code str()} of a scalar, and {@code str()} of a list after {@code decode_unicode}, which
 * turned every string inside it into UTF-8 {@code bytes} and every dict into one with sorted keys.
 */
final class PythonText {

    /** Python's ordering of {@code str}: by code point, which differs from {@link String#compareTo} above U+FFFF. */
    static final Comparator<String> CODE_POINT_ORDER = Python::compareCodePoints;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PythonText() {}

    /**
     * {@code str(value)} of a value that is neither an object nor an array: text as is, {@code None}, {@code True},
     * {@code False}, an int's digits or a float's repr.
     */
    static String str(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        return scalarRepr(value);
    }

    /** {@code str(decode_unicode(list))}, e.g. {@code [{b'rel': b'bookmark'}, None, 1.0]}. */
    static String listRepr(JsonNode list) {
        StringBuilder out = new StringBuilder();
        appendRepr(out, list);
        return out.toString();
    }

    private static void appendRepr(StringBuilder out, JsonNode value) {
        if (value.isArray()) {
            out.append('[');
            String separator = "";
            for (JsonNode element : value) {
                out.append(separator);
                appendRepr(out, element);
                separator = ", ";
            }
            out.append(']');
        } else if (value.isObject()) {
            out.append('{');
            String separator = "";
            for (Map.Entry<String, JsonNode> field : sortedFields(value)) {
                out.append(separator);
                appendBytesRepr(out, Utf8.encode(field.getKey()));
                out.append(": ");
                appendRepr(out, field.getValue());
                separator = ", ";
            }
            out.append('}');
        } else if (value.isTextual()) {
            appendBytesRepr(out, Utf8.encode(value.textValue()));
        } else {
            out.append(scalarRepr(value));
        }
    }

    /** The fields of a JSON object in Python's {@code sorted(d.items())} order. */
    static List<Map.Entry<String, JsonNode>> sortedFields(JsonNode object) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            fields.add(it.next());
        }
        fields.sort(Map.Entry.comparingByKey(CODE_POINT_ORDER));
        return fields;
    }

    private static String scalarRepr(JsonNode value) {
        if (value.isNull()) {
            return "None";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isBigDecimal()) {
            // what Python's json module reads a number with a fraction or an exponent as
            return Python.floatRepr(Double.parseDouble(value.decimalValue().toString()));
        }
        if (value.isFloatingPointNumber()) {
            return Python.floatRepr(value.doubleValue());
        }
        throw new IllegalArgumentException(
                "a " + value.getNodeType() + " node has no JSON counterpart and cannot be signed");
    }

    /**
     * Python's {@code repr(bytes)}: single quotes unless the bytes hold {@code '} and no {@code "}; backslash and
     * the quote escaped; {@code \t \n \r}; {@code \xNN} for every other byte below 0x20 or from 0x7f.
     */
    static void appendBytesRepr(StringBuilder out, byte[] bytes) {
        boolean singles = false;
        boolean doubles = false;
        for (byte b : bytes) {
            singles |= b == '\'';
            doubles |= b == '"';
        }
        char quote = singles && !doubles ? '"' : '\'';
        out.append('b').append(quote);
        for (byte signed : bytes) {
            int b = signed & 0xff;
            if (b == quote || b == '\\') {
                out.append('\\').append((char) b);
            } else if (b == '\t') {
                out.append("\\t");
            } else if (b == '\n') {
                out.append("\\n");
            } else if (b == '\r') {
                out.append("\\r");
            } else if (b < 0x20 || b >= 0x7f) {
                out.append("\\x").append(HEX[b >> 4]).append(HEX[b & 0xf]);
            } else {
                out.append((char) b);
            }
        }
        out.append(quote);
    }

    /** Python's {@code str.encode('utf-8')}, which refuses lone surrogates where Java would write {@code ?}. */
    static final class Utf8 {

        private Utf8() {}

        static byte[] encode(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new IllegalArgumentException(String.format(
                            "text holds a lone surrogate U+%04X at index %d, which UTF-8 cannot encode", (int) c, i));
                }
            }
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
