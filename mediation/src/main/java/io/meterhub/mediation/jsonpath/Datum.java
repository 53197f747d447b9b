package io.meterhub.mediation.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * jsonpath_rw's {@code DatumInContext}: a value with the datum it was found in and the step that led to it, from
 * which Ceilometer's match path is built. A datum without a context is a start (the document, or a value computed by
 * an operator) and contributes nothing to paths.
 */
final class Datum {

    /** Python's {@code None} where a datum is expected: what {@code `parent`} of a start gives. */
    static final Datum NONE = new Datum(NullNode.getInstance(), null, null, 0, false);

    final JsonNode value;
    final Datum context;
    private final String field; // the step from the context: a field name, or null for an index step
    private final long index;
    private final boolean raw;
    private Datum plain;

    private Datum(JsonNode value, Datum context, String field, long index, boolean raw) {
        this.value = value;
        this.context = context;
        this.field = field;
        this.index = index;
        this.raw = raw;
    }

    /** The document as passed to {@code find()}: not yet a DatumInContext. */
    static Datum document(JsonNode value) {
        Datum raw = new Datum(value, null, null, 0, true);
        raw.plain = start(value);
        return raw;
    }

    /** A datum without context: {@code DatumInContext(value)}. */
    static Datum start(JsonNode value) {
        return new Datum(value, null, null, 0, false);
    }

    /** {@code value} found in field {@code name} of {@code context}. */
    static Datum field(JsonNode value, Datum context, String name) {
        return new Datum(value, context, name, 0, false);
    }

    /** {@code value} found at {@code index} of {@code context}. */
    static Datum index(JsonNode value, Datum context, long index) {
        return new Datum(value, context, null, index, false);
    }

    /** The same step from the same context, with another value (jsonpath_rw's list coercion in slices). */
    Datum withValue(JsonNode other) {
        return new Datum(other, context, field, index, false);
    }

    /** {@code DatumInContext.wrap(self)}: the document or None become a datum without context. */
    Datum wrap() {
        if (raw) {
            return plain;
        }
        return this == NONE ? start(NullNode.getInstance()) : this;
    }

    /** Whether this is the document itself, not yet wrapped, on which {@code datum.value} fails in Python. */
    boolean isRaw() {
        return raw;
    }

    /** Ceilometer's {@code '.'.join(Definition._get_path(match))}. */
    String path() {
        if (context == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(32);
        appendPath(out);
        return out.toString();
    }

    private void appendPath(StringBuilder out) {
        if (context.context != null) {
            context.appendPath(out);
            out.append('.');
        }
        if (field != null) {
            out.append(field);
        } else {
            out.append('[').append(index).append(']');
        }
    }
}
