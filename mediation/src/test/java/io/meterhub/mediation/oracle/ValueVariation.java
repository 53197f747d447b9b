package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Replaces one value, preferably one the definitions read, by a value of another shape: null, {@code ""}, the same
 * number as a string, huge numbers, floats, booleans, objects and arrays. Python's {@code int()}, {@code float()} and
 * {@code str()} (what int, float and text traits apply) treat many of these in their own way.
 */
final class ValueVariation implements Variation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private record Replacement(String name, BiFunction<JsonNode, Random, JsonNode> value) {}

    private static final List<Replacement> REPLACEMENTS = List.of(
            fixed("null", NODES.nullNode()),
            fixed("empty string", NODES.textNode("")),
            new Replacement("the number as a string", (v, r) -> NODES.textNode(numberText(v, r))),
            new Replacement("the number as a float string", (v, r) -> NODES.textNode(numberText(v, r) + ".0")),
            new Replacement("the number as a padded string", (v, r) -> NODES.textNode(" " + numberText(v, r) + " ")),
            fixed("exponent string", NODES.textNode("1e3")),
            fixed("hexadecimal string", NODES.textNode("0x1F")),
            fixed("underscored string", NODES.textNode("1_000")),
            fixed("Arabic-Indic digits", NODES.textNode("\u0661\u0662\u0663")),
            fixed("string NaN", NODES.textNode("NaN")),
            fixed("string inf", NODES.textNode("inf")),
            fixed("string -0", NODES.textNode("-0")),
            fixed("number then letters", NODES.textNode("12abc")),
            fixed("10^20", NODES.numberNode(BigInteger.TEN.pow(20))),
            fixed("2^63", NODES.numberNode(BigInteger.TWO.pow(63))),
            fixed("-2^63-1", NODES.numberNode(BigInteger.TWO.pow(63).negate().subtract(BigInteger.ONE))),
            fixed("2^53+1", NODES.numberNode(9_007_199_254_740_993L)),
            fixed("1e308", NODES.numberNode(1e308)),
            fixed("1e400 (a float Python reads as inf)", NODES.numberNode(new BigDecimal("1E+400"))),
            fixed("30-digit decimal", NODES.numberNode(new BigDecimal("123456789012345678901234567890.5"))),
            fixed("subnormal 5e-324", NODES.numberNode(Double.MIN_VALUE)),
            fixed("0.1", NODES.numberNode(0.1)),
            fixed("1.5", NODES.numberNode(1.5)),
            fixed("-2.25", NODES.numberNode(-2.25)),
            fixed("1e-7", NODES.numberNode(1e-7)),
            fixed("3.0 (integral float)", NODES.numberNode(3.0)),
            fixed("0", NODES.numberNode(0)),
            fixed("-1", NODES.numberNode(-1)),
            fixed("true", NODES.booleanNode(true)),
            fixed("false", NODES.booleanNode(false)),
            fixed("empty object", NODES.objectNode()),
            fixed("empty array", NODES.arrayNode()),
            new Replacement("array of the value", (v, r) -> NODES.arrayNode().add(v.deepCopy())),
            new Replacement(
                    "object holding the value", (v, r) -> NODES.objectNode().set("value", v.deepCopy())));

    @Override
    public String apply(Draft draft, Random random) {
        if (draft.payload() == null) {
            return null;
        }
        List<Slot> scalars = Slot.under(draft.payload(), "payload", 4).stream()
                .filter(s -> s.value().isValueNode())
                .toList();
        List<Slot> read = scalars.stream().filter(Slot::readByDefinitions).toList();
        List<Slot> pool = !read.isEmpty() && random.nextInt(10) < 7 ? read : scalars;
        if (pool.isEmpty()) {
            return null;
        }
        Slot slot = pool.get(random.nextInt(pool.size()));
        Replacement replacement = REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()));
        JsonNode before = slot.value();
        JsonNode after = replacement.value().apply(before, random);
        slot.set(after);
        return slot.path() + ": " + OracleJson.abbreviate(before.toString(), 60) + " -> "
                + OracleJson.abbreviate(after.toString(), 60) + " (" + replacement.name() + ")";
    }

    private static Replacement fixed(String name, JsonNode value) {
        return new Replacement(name, (v, r) -> value.deepCopy());
    }

    /** The value's own number as text, or a random one when it is no number. */
    private static String numberText(JsonNode value, Random random) {
        return value.isNumber() ? value.asText() : String.valueOf(random.nextInt(4096));
    }
}
