package io.meterhub.mediation.jsonpath;

import com.fasterxml.jackson.databind.node.TextNode;
import io.meterhub.mediation.jsonpath.python.PyInt;
import io.meterhub.mediation.jsonpath.python.PyStr;
import io.meterhub.mediation.jsonpath.python.PyStrings;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;

/**
 * {@code `split(c, segment, max_split)`}: segment {@code segment} of a string split on the character {@code c} at
 * most {@code max_split} times ({@code -1}: no limit); nothing when the value is no string or has fewer segments.
 */
final class SplitNode extends Node {

    private final String separator;
    private final BigInteger segment;
    private final BigInteger maxSplit;

    private SplitNode(String separator, BigInteger segment, BigInteger maxSplit) {
        this.separator = separator;
        this.segment = segment;
        this.maxSplit = maxSplit;
    }

    /** Parses {@code split(., 1, -1)} as jsonpath_rw_ext does: a prefix match, one character as separator. */
    static SplitNode of(String method) {
        Matcher m = NamedOperators.SPLIT.matcher(method);
        if (!m.lookingAt()) {
            throw new IllegalArgumentException(method + " is not valid");
        }
        return new SplitNode(m.group(1), PyInt.parse(m.group(2)), PyInt.parse(m.group(3)));
    }

    @Override
    void find(Datum datum, List<Datum> out) {
        Datum context = datum.wrap();
        if (!context.value.isTextual()) {
            return; // Python catches the AttributeError of <non-str>.split
        }
        long limit = maxSplit.bitLength() < 64 ? maxSplit.longValue() : Long.MAX_VALUE;
        List<String> parts = PyStrings.split(context.value.textValue(), separator, limit);
        if (segment.compareTo(BigInteger.valueOf(parts.size())) < 0) {
            out.add(Datum.start(TextNode.valueOf(parts.get(segment.intValue()))));
        }
    }

    @Override
    public String toString() {
        return "Split(" + PyStr.repr(separator) + "," + segment + "," + maxSplit + ")";
    }
}
