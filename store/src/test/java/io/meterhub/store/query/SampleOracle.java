package io.meterhub.store.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.model.Sample;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The test's own reading of a {@link Filter} on a sample, written from MongoDB's documented query semantics and
 * independent of the store: ordering comparisons hold only between values of one kind (numbers, strings, instants at
 * millisecond precision), a missing value equals only null, {@code !=} is "not equal", a regular expression is
 * searched, and a metadata path {@code a.b.c} may cross keys that themselves contain dots.
 */
final class SampleOracle {

    private SampleOracle() {}

    static boolean matches(Filter f, Sample s) {
        if (f instanceof Filter.And and) {
            return and.operands().stream().allMatch(o -> matches(o, s));
        }
        if (f instanceof Filter.Or or) {
            return or.operands().stream().anyMatch(o -> matches(o, s));
        }
        if (f instanceof Filter.Not not) {
            return !matches(not.operand(), s);
        }
        if (f instanceof Filter.In in) {
            Object v = value(s, in.field());
            return in.values().stream().anyMatch(x -> equal(v, x));
        }
        if (f instanceof Filter.Matches m) {
            return value(s, m.field()) instanceof String text
                    && Pattern.compile(m.regex()).matcher(text).find();
        }
        Filter.Compare c = (Filter.Compare) f;
        Object v = value(s, c.field());
        return switch (c.op()) {
            case EQ -> equal(v, c.value());
            case NE -> !equal(v, c.value());
            case LT -> comparable(v, c.value()) && compare(v, c.value()) < 0;
            case LE -> comparable(v, c.value()) && compare(v, c.value()) <= 0;
            case GT -> comparable(v, c.value()) && compare(v, c.value()) > 0;
            case GE -> comparable(v, c.value()) && compare(v, c.value()) >= 0;
        };
    }

    static Object value(Sample s, String field) {
        return switch (field) {
            case "counter_name" -> s.name();
            case "counter_type" -> s.type().wireName();
            case "counter_unit" -> s.unit();
            case "counter_volume" -> s.volume();
            case "user_id" -> s.userId();
            case "project_id" -> s.projectId();
            case "resource_id" -> s.resourceId();
            case "source" -> s.source();
            case "message_id" -> s.messageId();
            case "timestamp" -> s.timestamp();
            default -> {
                if (!field.startsWith("resource_metadata.")) {
                    throw new IllegalArgumentException(field);
                }
                yield json(find(
                        s.resourceMetadata(),
                        field.substring("resource_metadata.".length()).split("\\.")));
            }
        };
    }

    /** The node at the key path, where each key may span several dot-separated segments. */
    static JsonNode find(JsonNode node, String[] segments) {
        return find(node, segments, 0);
    }

    private static JsonNode find(JsonNode node, String[] segments, int from) {
        if (node == null || !node.isObject()) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (int j = from; j < segments.length; j++) {
            if (j > from) {
                key.append('.');
            }
            key.append(segments[j]);
            JsonNode child = node.get(key.toString());
            if (child != null) {
                JsonNode found = j == segments.length - 1 ? child : find(child, segments, j + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Object json(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        return n;
    }

    private static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        return comparable(a, b) ? compare(a, b) == 0 : Objects.equals(a, b);
    }

    private static boolean comparable(Object a, Object b) {
        return (a instanceof Number && b instanceof Number)
                || (a instanceof String && b instanceof String)
                || (a instanceof Instant && b instanceof Instant)
                || (a instanceof Boolean && b instanceof Boolean);
    }

    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Instant x && b instanceof Instant y) {
            return x.truncatedTo(ChronoUnit.MILLIS).compareTo(y.truncatedTo(ChronoUnit.MILLIS));
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        return ((String) a).compareTo((String) b);
    }
}
