package io.meterhub.store.query;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A condition on stored documents, independent of MongoDB: the query API builds it from Ceilometer's simple and
 * complex queries, the store turns it into a MongoDB filter. Fields are the stored field names ({@code counter_name},
 * {@code project_id}, {@code timestamp}, {@code resource_metadata.<key>...}); values are {@link String}, {@link Long},
 * {@link Double}, {@link Boolean} or {@link java.time.Instant}.
 */
public sealed interface Filter {

    /** Matches every document. */
    Filter ALL = new And(List.of());

    /** All of the given conditions (an empty list matches everything). */
    record And(List<Filter> operands) implements Filter {
        public And {
            operands = List.copyOf(operands);
        }
    }

    /** Any of the given conditions (an empty list matches nothing). */
    record Or(List<Filter> operands) implements Filter {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Filter operand) implements Filter {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    record Compare(String field, Op op, Object value) implements Filter {
        public Compare {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(op, "op");
        }
    }

    /** The field equals one of the values. */
    record In(String field, List<Object> values) implements Filter {
        public In {
            Objects.requireNonNull(field, "field");
            values = List.copyOf(values);
        }
    }

    /** The field is a string matching the regular expression (Ceilometer's {@code =~}). */
    record Matches(String field, String regex) implements Filter {
        public Matches {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(regex, "regex");
        }
    }

    static Filter and(Filter... operands) {
        return new And(Arrays.asList(operands));
    }

    static Filter eq(String field, Object value) {
        return new Compare(field, Op.EQ, value);
    }
}
