package io.meterhub.mediation.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.meterhub.mediation.jsonpath.JsonPathMatch;
import io.meterhub.mediation.jsonpath.python.PyStr;
import io.meterhub.mediation.jsonpath.python.PyStrings;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Ceilometer's {@code split} plugin ({@code SplitterTraitPlugin}): one segment of each matched value, as
 * {@code str(value).split(separator, max_split)[segment]}, or None when there is no such segment. Parameters:
 * {@code separator} (default {@code .}; None splits on whitespace), {@code segment} (default 0; negative counts from
 * the end), {@code max_split} (default None: no limit).
 */
public final class SplitterTraitPlugin implements TraitPlugin {

    private final String separator;
    private final BigInteger segment;
    private final long maxSplit; // negative: no limit

    public SplitterTraitPlugin(String separator, BigInteger segment, BigInteger maxSplit) {
        this.separator = separator;
        this.segment = segment;
        this.maxSplit = maxSplit == null || maxSplit.signum() < 0
                ? -1
                : (maxSplit.bitLength() < 63 ? maxSplit.longValue() : Long.MAX_VALUE);
    }

    /**
     * The plugin for the given parameters.
     *
     * @throws DefinitionException for an empty separator or a segment or max_split that is no integer
     */
    public static SplitterTraitPlugin of(PluginParameters parameters) {
        String separator = parameters.stringOrNone("separator", ".");
        if ("".equals(separator)) {
            throw parameters.bad("separator", separator, "a non-empty string or None");
        }
        BigInteger segment = parameters.integer("segment", BigInteger.ZERO);
        BigInteger maxSplit = parameters.integerOrNone("max_split", null);
        parameters.ignoreOthers("separator", "segment", "max_split");
        return new SplitterTraitPlugin(separator, segment, maxSplit);
    }

    @Override
    public List<JsonNode> traitValues(List<JsonPathMatch> matches) {
        List<JsonNode> out = new ArrayList<>(matches.size());
        for (JsonPathMatch match : matches) {
            out.add(segmentOf(PyStr.str(match.value())));
        }
        return out;
    }

    private JsonNode segmentOf(String value) {
        List<String> parts = PyStrings.split(value, separator, maxSplit);
        BigInteger size = BigInteger.valueOf(parts.size());
        BigInteger index = segment.signum() < 0 ? segment.add(size) : segment;
        if (index.signum() < 0 || index.compareTo(size) >= 0) {
            return null; // Python's IndexError, caught: None
        }
        return TextNode.valueOf(parts.get(index.intValue()));
    }

    @Override
    public boolean supportsReturnAllValues() {
        return true;
    }
}
