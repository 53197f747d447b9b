package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values of result lines in a form whose {@code equals} is the comparison the differential tests want: any JSON
 * number as a {@link BigDecimal} without trailing zeros (so {@code 1 == 1.0}, and big integers stay exact),
 * {@code NaN} and the infinities as {@link Double}, strings, booleans and {@code null} as themselves, objects as
 * sorted maps and arrays as lists. A string is never equal to a number: {@code "512"} is not {@code 512}.
 */
final class Canonical {

    private Canonical() {}

    /** The canonical form of {@code node}; {@code null} for a JSON null or a missing field. */
    static Object value(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return number(node);
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), value(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(e -> list.add(value(e)));
            return list;
        }
        return node.toString();
    }

    /** A timestamp as an {@link Instant} (ISO-8601; without an offset it is UTC); anything else as {@link #value}. */
    static Object instant(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return value(node);
        }
        String text = node.textValue();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return text;
            }
        }
    }

    /** How a canonical value reads in a report: strings quoted, so that {@code "1"} and {@code 1} differ. */
    static String show(Object canonical) {
        if (canonical instanceof String s) {
            return '"' + OracleJson.abbreviate(s, 120) + '"';
        }
        if (canonical instanceof BigDecimal d) {
            return d.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) < 0 ? d.toPlainString() : d.toString();
        }
        return String.valueOf(canonical);
    }

    private static Object number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return new BigDecimal(node.bigIntegerValue()).stripTrailingZeros();
        }
        if (node.isBigDecimal()) {
            return node.decimalValue().stripTrailingZeros();
        }
        double d = node.doubleValue();
        if (!Double.isFinite(d)) {
            return d;
        }
        return BigDecimal.valueOf(d).stripTrailingZeros();
    }
}
