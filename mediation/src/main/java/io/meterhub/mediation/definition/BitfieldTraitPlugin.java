package io.meterhub.mediation.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.jsonpath.JsonPathMatch;
import io.meterhub.mediation.jsonpath.python.PyCompare;
import io.meterhub.mediation.jsonpath.python.PyNumbers;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ceilometer's {@code bitfield} plugin ({@code BitfieldTraitPlugin}): {@code initial_bitfield} with bit {@code bit}
 * set for each flag whose {@code path} matched (a non-null value) and, when the flag has a {@code value}, matched a
 * value equal to it by Python's {@code ==}. A path is a match path such as {@code payload.foo} or
 * {@code payload.list.[0]}; when several matches have the same path, the last counts.
 */
public final class BitfieldTraitPlugin implements TraitPlugin {

    /** Highest bit accepted: a sanity bound on configuration, far above any real flag. */
    static final int MAX_BIT = 65_535;

    /** One flag: set {@code bit} when {@code path} matched, and matched {@code value} if that is given. */
    record Flag(String path, int bit, JsonNode value) {}

    private final BigInteger initial;
    private final List<Flag> flags;

    public BitfieldTraitPlugin(BigInteger initial, List<Flag> flags) {
        this.initial = initial;
        this.flags = List.copyOf(flags);
    }

    /**
     * The plugin for the given parameters: {@code initial_bitfield} (an integer, default 0) and {@code flags} (a list
     * of mappings with a string {@code path}, an integer {@code bit} of at least 0 and an optional {@code value}).
     *
     * @throws DefinitionException for parameters Python could not use
     */
    public static BitfieldTraitPlugin of(PluginParameters parameters) {
        BigInteger initial = parameters.integer("initial_bitfield", BigInteger.ZERO);
        List<Flag> flags = new ArrayList<>();
        for (Object entry : parameters.list("flags")) {
            if (!(entry instanceof Map<?, ?> flag)) {
                throw parameters.bad("flags", entry, "a list of mappings with path and bit");
            }
            if (!(flag.get("path") instanceof String path)) {
                throw parameters.bad("flags.path", flag.get("path"), "a string");
            }
            if (!flag.containsKey("bit")) {
                throw parameters.bad("flags.bit", null, "an integer");
            }
            BigInteger bit = parameters.pythonInt("flags.bit", flag.get("bit"));
            if (bit.signum() < 0 || bit.compareTo(BigInteger.valueOf(MAX_BIT)) > 0) {
                throw parameters.bad("flags.bit", flag.get("bit"), "an integer from 0 to " + MAX_BIT);
            }
            JsonNode value = flag.containsKey("value") ? parameters.json("flags.value", flag.get("value")) : null;
            flags.add(new Flag(path, bit.intValue(), value));
        }
        parameters.ignoreOthers("initial_bitfield", "flags");
        return new BitfieldTraitPlugin(initial, flags);
    }

    @Override
    public List<JsonNode> traitValues(List<JsonPathMatch> matches) {
        Map<String, JsonNode> byPath = new HashMap<>();
        for (JsonPathMatch match : matches) {
            byPath.put(match.path(), match.value());
        }
        BigInteger bitfield = initial;
        for (Flag flag : flags) {
            JsonNode matched = byPath.get(flag.path());
            if (matched != null && (flag.value() == null || PyCompare.equal(matched, flag.value()))) {
                bitfield = bitfield.setBit(flag.bit());
            }
        }
        return List.of(PyNumbers.intNode(bitfield));
    }

    @Override
    public boolean supportsReturnAllValues() {
        return false;
    }
}
