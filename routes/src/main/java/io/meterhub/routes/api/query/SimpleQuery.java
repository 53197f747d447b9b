package io.meterhub.routes.api.query;

import io.meterhub.routes.api.QueryParams;
import java.util.ArrayList;
import java.util.List;

/**
 * One condition of Ceilometer's simple query ({@code q.field}, {@code q.op}, {@code q.value}, {@code q.type}), raw as
 * the request gave it; {@code op} and {@code type} are null when not given.
 */
public record SimpleQuery(String field, String op, String value, String type) {

    /** The operator, {@code eq} when none was given (Ceilometer's {@code Query.get_op}). */
    public String opOrDefault() {
        return op == null || op.isEmpty() ? "eq" : op;
    }

    /** Python's repr of Ceilometer's Query, {@code <Query 'field' op 'value' type>}, for its error messages. */
    public String repr() {
        return "<Query " + PythonRepr.str(field) + " " + opOrDefault() + " " + PythonRepr.str(value) + " "
                + (type == null ? "None" : type) + ">";
    }

    /**
     * The conditions of a request: the i-th {@code q.field} with the i-th {@code q.op}, {@code q.value} and
     * {@code q.type}, as wsme builds a list of Query objects from them.
     */
    public static List<SimpleQuery> from(QueryParams params) {
        List<String> fields = params.all("q.field");
        List<String> ops = params.all("q.op");
        List<String> values = params.all("q.value");
        List<String> types = params.all("q.type");
        int n = Math.max(Math.max(fields.size(), ops.size()), Math.max(values.size(), types.size()));
        List<SimpleQuery> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new SimpleQuery(at(fields, i), at(ops, i), at(values, i), emptyToNull(at(types, i))));
        }
        return out;
    }

    private static String at(List<String> list, int i) {
        return i < list.size() ? list.get(i) : null;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
