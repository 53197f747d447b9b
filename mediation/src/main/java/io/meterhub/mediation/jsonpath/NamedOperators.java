package io.meterhub.mediation.jsonpath;

import java.util.regex.Pattern;

/**
 * The backquoted named operators: {@code `this`}, {@code `parent`}, {@code `len`}, {@code `sorted`},
 * {@code `split(...)`} and {@code `sub(...)`}, as jsonpath_rw_ext's parser reads them.
 */
final class NamedOperators {

    /** Python's {@code \s} in a str pattern. */
    static final String PY_SPACE =
            "[\\t\\n\\x0b\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";

    /** jsonpath_rw_ext's {@code SUB}, {@code sub\(/(.*)/,\s+(.*)\)}, used with {@code re.match} (a prefix match). */
    static final Pattern SUB = Pattern.compile("sub\\(/(.*)/," + PY_SPACE + "+(.*)\\)", Pattern.UNIX_LINES);

    /** jsonpath_rw_ext's {@code SPLIT}, {@code split\((.),\s+(\d+),\s+(\d+|-1)\)}. */
    static final Pattern SPLIT = Pattern.compile(
            "split\\((.)," + PY_SPACE + "+(\\p{Nd}+)," + PY_SPACE + "+(\\p{Nd}+|-1)\\)", Pattern.UNIX_LINES);

    private NamedOperators() {}

    /**
     * The node for the operator named {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name or an invalid split or sub
     */
    static Node of(String name) {
        if (name.equals("len")) {
            return new LenNode();
        }
        if (name.equals("sorted")) {
            return new SortedNode(null);
        }
        if (name.startsWith("split(")) {
            return SplitNode.of(name);
        }
        if (name.startsWith("sub(")) {
            return SubNode.of(name);
        }
        if (name.equals("this")) {
            return new ThisNode();
        }
        if (name.equals("parent")) {
            return new ParentNode();
        }
        throw new IllegalArgumentException("Unknown named operator `" + name + "`");
    }
}
