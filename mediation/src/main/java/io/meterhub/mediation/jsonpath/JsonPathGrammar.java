package io.meterhub.mediation.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.meterhub.mediation.jsonpath.python.PyNumbers;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The grammar of jsonpath_rw's {@code JsonPathParser} extended by jsonpath_rw_ext's {@code ExtentedJsonPathParser},
 * rule for rule, with the same precedence list, and the syntax tree each rule builds.
 */
final class JsonPathGrammar {

    /** The grammar, built once. */
    static final Grammar GRAMMAR = grammar();

    /** Its LALR table. */
    static final LalrTable TABLE = LalrTable.build(GRAMMAR);

    private JsonPathGrammar() {}

    static Grammar grammar() {
        Grammar g = new Grammar("jsonpath")
                .precedence("left", "+", "-")
                .precedence("left", "*", "/")
                .precedence("left", ",")
                .precedence("left", "DOUBLEDOT")
                .precedence("left", ".")
                .precedence("left", "|")
                .precedence("left", "&")
                .precedence("left", "WHERE")
                .precedence("nonassoc", "ID");
        // jsonpath_rw
        g.rule("jsonpath : jsonpath '.' jsonpath", v -> new ChildNode(node(v[0]), node(v[2])))
                .rule("jsonpath : jsonpath DOUBLEDOT jsonpath", v -> new DescendantsNode(node(v[0]), node(v[2])))
                .rule("jsonpath : jsonpath WHERE jsonpath", v -> new WhereNode(node(v[0]), node(v[2])))
                .rule("jsonpath : jsonpath '|' jsonpath", v -> new UnionNode(node(v[0]), node(v[2])))
                .rule("jsonpath : jsonpath '&' jsonpath", v -> new IntersectNode(node(v[0]), node(v[2])))
                .rule("jsonpath : fields_or_any", v -> new FieldsNode(strings(v[0])))
                .rule("jsonpath : NAMED_OPERATOR", v -> NamedOperators.of((String) v[0]))
                .rule("jsonpath : '$'", v -> new RootNode())
                .rule("jsonpath : '[' idx ']'", v -> v[1])
                .rule("jsonpath : '[' slice ']'", v -> v[1])
                .rule("jsonpath : '[' fields ']'", v -> new FieldsNode(strings(v[1])))
                .rule(
                        "jsonpath : jsonpath '[' fields ']'",
                        v -> new ChildNode(node(v[0]), new FieldsNode(strings(v[2]))))
                .rule("jsonpath : jsonpath '[' idx ']'", v -> new ChildNode(node(v[0]), node(v[2])))
                .rule("jsonpath : jsonpath '[' slice ']'", v -> new ChildNode(node(v[0]), node(v[2])))
                .rule("jsonpath : '(' jsonpath ')'", v -> v[1])
                .rule("fields_or_any : fields", v -> v[0])
                .rule("fields_or_any : '*'", v -> List.of("*"))
                .rule("fields : ID", v -> List.of((String) v[0]))
                .rule("fields : fields ',' fields", v -> concat(v[0], v[2]))
                .rule("idx : NUMBER", v -> new IndexNode((BigInteger) v[0]))
                .rule("slice : '*'", v -> new SliceNode())
                .rule("slice : maybe_int ':' maybe_int", v -> new SliceNode((BigInteger) v[0], (BigInteger) v[2]))
                .rule("maybe_int : NUMBER", v -> v[0])
                .rule("maybe_int : empty", v -> null)
                .rule("empty :", v -> null);
        // jsonpath_rw_ext: arithmetic
        Function<Object[], Object> operation =
                v -> new OperationNode(operand(v[0]), OperationNode.Operator.of((String) v[1]), operand(v[2]));
        for (String rule : List.of(
                "NUMBER operator NUMBER",
                "FLOAT operator FLOAT",
                "ID operator ID",
                "NUMBER operator jsonpath",
                "FLOAT operator jsonpath",
                "jsonpath operator NUMBER",
                "jsonpath operator FLOAT",
                "jsonpath operator jsonpath")) {
            g.rule("jsonpath : " + rule, operation);
        }
        for (String op : List.of("'+'", "'-'", "'*'", "'/'")) {
            g.rule("operator : " + op, v -> v[0]);
        }
        // jsonpath_rw_ext: filters, sorting, @
        g.rule("expression : jsonpath", v -> new FilterExpression(node(v[0]), null, null));
        for (String value : List.of("ID", "FLOAT", "NUMBER", "BOOL")) {
            g.rule(
                    "expression : jsonpath FILTER_OP " + value,
                    v -> new FilterExpression(node(v[0]), (String) v[1], constant(v[2])));
        }
        g.rule("expressions : expression", v -> List.of(v[0]))
                .rule("expressions : expressions '&' expressions", v -> concat(v[0], v[2]))
                .rule("expressions : '(' expressions ')'", v -> v[1])
                .rule("filter : '?' expressions", v -> new FilterNode(list(v[1])))
                .rule("jsonpath : jsonpath '[' filter ']'", v -> new ChildNode(node(v[0]), node(v[2])))
                .rule("sort : SORT_DIRECTION jsonpath", v -> new SortedNode.SortKey(node(v[1]), !"/".equals(v[0])))
                .rule("sorts : sort", v -> List.of(v[0]))
                .rule("sorts : sorts sorts", v -> concat(v[0], v[1]))
                .rule("jsonpath : jsonpath '[' sorts ']'", v -> new ChildNode(node(v[0]), new SortedNode(list(v[2]))))
                .rule("jsonpath : '@'", v -> new ThisNode());
        return g.done();
    }

    /**
     * An operand of an operation: a lone field name becomes a string constant ("if we have choice between a field
     * or a string we always choice string"), numbers become constants, anything else stays a path.
     */
    private static Object operand(Object value) {
        if (value instanceof FieldsNode f && f.names().size() == 1) {
            return TextNode.valueOf(f.names().get(0));
        }
        return value instanceof Node ? value : constant(value);
    }

    private static JsonNode constant(Object token) {
        if (token instanceof BigInteger i) {
            return PyNumbers.intNode(i);
        }
        if (token instanceof Double d) {
            return DoubleNode.valueOf(d);
        }
        if (token instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        }
        return TextNode.valueOf((String) token);
    }

    private static Node node(Object value) {
        return (Node) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object value) {
        return (List<T>) value;
    }

    private static List<Object> concat(Object a, Object b) {
        List<Object> out = new ArrayList<>(list(a));
        out.addAll(list(b));
        return out;
    }
}
