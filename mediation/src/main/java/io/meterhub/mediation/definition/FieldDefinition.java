package io.meterhub.mediation.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import io.meterhub.mediation.jsonpath.JsonPath;
import io.meterhub.mediation.jsonpath.JsonPathEvaluationException;
import io.meterhub.mediation.jsonpath.JsonPathMatch;
import io.meterhub.mediation.jsonpath.JsonPathSyntaxException;
import io.meterhub.mediation.jsonpath.python.PyNumbers;
import io.meterhub.mediation.jsonpath.python.PyStr;
import io.meterhub.model.Json;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One field of a meter or trait definition, a port of Ceilometer's {@code declarative.Definition}: where in a
 * notification (in oslo's listener form) a value comes from, and optionally a trait plugin that turns the matches into
 * the value. Immutable and thread-safe.
 *
 * <p>The configuration is what the YAML gives: a JSONPath string; a list of them, tried as the union
 * {@code (a)|(b)}; an integer, which is a constant; or a mapping with {@code fields} (one of those) and an optional
 * {@code plugin}, given by name or as {@code {name, parameters}}.
 */
public final class FieldDefinition {

    private final String name;
    private final JsonPath path; // null for a constant
    private final JsonNode constant;
    private final TraitPlugin plugin;
    private final String pluginName;

    private FieldDefinition(String name, JsonPath path, JsonNode constant, TraitPlugin plugin, String pluginName) {
        this.name = name;
        this.path = path;
        this.constant = constant;
        this.plugin = plugin;
        this.pluginName = pluginName;
    }

    /** {@link #of(String, Object, TraitPluginRegistry)} with Ceilometer's plugins. */
    public static FieldDefinition of(String name, Object config) {
        return of(name, config, TraitPluginRegistry.ceilometer());
    }

    /**
     * A definition as Ceilometer builds it from its configuration.
     *
     * @param name the definition's name (a trait or sample attribute), for messages; may be null
     * @param config a String, a List, a Map with {@code fields} and {@code plugin}, or an Integer / Long / BigInteger
     *     / Boolean constant, as SnakeYAML or Jackson give them; a Jackson {@link JsonNode} is also accepted
     * @throws DefinitionException where Ceilometer raises one: no {@code fields}, an unknown plugin, a bad JSONPath
     */
    public static FieldDefinition of(String name, Object config, TraitPluginRegistry plugins) {
        Object cfg = config instanceof JsonNode node ? Json.mapper().convertValue(node, Object.class) : config;
        Object fields = cfg;
        TraitPlugin plugin = null;
        String pluginName = null;
        if (cfg instanceof Map<?, ?> map) {
            if (!map.containsKey("fields")) {
                throw new DefinitionException("The field 'fields' is required for " + name);
            }
            if (map.containsKey("plugin")) {
                PluginConfig p = PluginConfig.of(map.get("plugin"), name);
                plugin = plugins.create(p.name(), p.parameters(), String.valueOf(name));
                pluginName = p.name();
            }
            fields = map.get("fields");
        }
        if (fields instanceof List<?> list) {
            fields = list.size() == 1 ? list.get(0) : union(list);
        }
        JsonNode constant = constantOf(fields);
        if (constant != null) {
            return new FieldDefinition(name, null, constant, plugin, pluginName);
        }
        return new FieldDefinition(name, compile(fields, name), null, plugin, pluginName);
    }

    private static String union(List<?> paths) {
        List<String> parts = new ArrayList<>(paths.size());
        for (Object p : paths) {
            parts.add("(" + pythonStr(p) + ")");
        }
        return String.join("|", parts);
    }

    private static String pythonStr(Object value) {
        return value instanceof String s ? s : PyStr.str(Json.mapper().valueToTree(value));
    }

    /** Python's {@code isinstance(fields, int)}: an integer or a bool is a constant. */
    private static JsonNode constantOf(Object fields) {
        if (fields instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        }
        if (fields instanceof Integer || fields instanceof Long || fields instanceof Short || fields instanceof Byte) {
            return PyNumbers.intNode(BigInteger.valueOf(((Number) fields).longValue()));
        }
        return fields instanceof BigInteger b ? PyNumbers.intNode(b) : null;
    }

    private static JsonPath compile(Object fields, String name) {
        String text = pythonStr(fields);
        if (!(fields instanceof String)) {
            throw parseError(text, name, "Expected a string");
        }
        try {
            return JsonPath.compile(text);
        } catch (JsonPathSyntaxException e) {
            throw parseError(text, name, e.getMessage());
        }
    }

    private static DefinitionException parseError(String fields, String name, String error) {
        return new DefinitionException(
                "Parse error in JSONPath specification '" + fields + "' for " + name + ": " + error);
    }

    /** The definition's name. */
    public String name() {
        return name;
    }

    /** Whether the definition is a constant (an integer in the configuration) rather than a path. */
    public boolean isConstant() {
        return constant != null;
    }

    /**
     * Ceilometer's {@code parse(obj)}: the first non-null value (after the plugin, if any), or null when there is none.
     * A constant definition gives its constant.
     *
     * @throws JsonPathEvaluationException where Ceilometer's evaluation raises, failing the notification there
     */
    public JsonNode parse(JsonNode body) {
        if (constant != null) {
            return constant;
        }
        if (plugin == null) {
            return path.firstNonNullValue(body);
        }
        List<JsonPathMatch> matches = new ArrayList<>(path.find(body));
        matches.removeIf(m -> m.value().isNull());
        for (JsonNode value : plugin.traitValues(matches)) {
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    /**
     * Ceilometer's {@code parse(obj, return_all_values=True)}: every value, JSON nulls included, or the plugin's
     * non-null values. A constant definition gives a one-element list (Ceilometer returns the bare constant, which its
     * callers then fail to take the length of; see {@link #isConstant()}).
     *
     * @throws DefinitionException when the plugin does not support returning all values
     * @throws JsonPathEvaluationException where Ceilometer's evaluation raises
     */
    public List<JsonNode> parseAll(JsonNode body) {
        if (constant != null) {
            return List.of(constant);
        }
        if (plugin == null) {
            return path.values(body);
        }
        List<JsonPathMatch> matches = path.find(body);
        if (!plugin.supportsReturnAllValues()) {
            throw new DefinitionException("Plugin " + pluginName + " don't allows to return multiple values");
        }
        List<JsonNode> values = new ArrayList<>();
        for (JsonNode value : plugin.traitValues(matches)) {
            if (value != null && !value.isNull()) {
                values.add(value);
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return name + ": " + (constant != null ? constant : path) + (pluginName == null ? "" : " | " + pluginName);
    }
}
