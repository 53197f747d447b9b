package io.meterhub.mediation.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.jsonpath.python.PyException;
import io.meterhub.mediation.jsonpath.python.PyInt;
import io.meterhub.model.Json;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code parameters} of a plugin as the YAML gave them, read with the types the Python plugin needs; a value
 * Python could not use raises a {@link DefinitionException} here, at load time, rather than on some notification
 * later. Names the plugin does not know are ignored with a warning, as Ceilometer ignores them.
 */
public final class PluginParameters {

    private static final Logger LOG = LoggerFactory.getLogger(PluginParameters.class);

    private final String plugin;
    private final Map<String, ?> values;

    /**
     * @param plugin the plugin name, for messages
     * @param values the parameters; null for none
     */
    public PluginParameters(String plugin, Map<String, ?> values) {
        this.plugin = plugin;
        this.values = values == null ? Map.of() : values;
    }

    /** Warns about parameters other than {@code known}; call once the plugin has read what it needs. */
    public void ignoreOthers(String... known) {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(List.of(known));
        if (!unknown.isEmpty()) {
            LOG.warn("{} plugin: ignoring parameters {} (Ceilometer ignores them too)", plugin, unknown);
        }
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The raw value, null when absent. */
    public Object raw(String name) {
        return values.get(name);
    }

    /** An integer parameter (a bool counts, as in Python); {@code absent} when not given. */
    public BigInteger integer(String name, BigInteger absent) {
        Object v = values.get(name);
        if (!values.containsKey(name)) {
            return absent;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return BigInteger.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigInteger b) {
            return b;
        }
        if (v instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        throw bad(name, v, "an integer");
    }

    /** An integer parameter that may also be null (Python's None); {@code absent} when not given. */
    public BigInteger integerOrNone(String name, BigInteger absent) {
        return values.containsKey(name) && values.get(name) == null ? null : integer(name, absent);
    }

    /** A string parameter, null allowed (Python's None); {@code absent} when not given. */
    public String stringOrNone(String name, String absent) {
        if (!values.containsKey(name)) {
            return absent;
        }
        Object v = values.get(name);
        if (v != null && !(v instanceof String)) {
            throw bad(name, v, "a string");
        }
        return (String) v;
    }

    /** A list parameter; an empty list when absent or null. */
    public List<?> list(String name) {
        Object v = values.get(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw bad(name, v, "a list");
        }
        return list;
    }

    /** Python's {@code int(value)} of a parameter value, e.g. {@code "5"} or {@code 5.0}. */
    public BigInteger pythonInt(String name, Object value) {
        if (!isJson(value)) {
            throw bad(name, value, "an integer");
        }
        try {
            return PyInt.of(json(value));
        } catch (PyException e) {
            throw bad(name, value, "an integer");
        }
    }

    /** A YAML value as a JSON value (null, boolean, number, string, list, map), to compare with matches. */
    public JsonNode json(String name, Object value) {
        if (!isJson(value)) {
            throw bad(name, value, "a string, number, boolean, list or mapping");
        }
        return json(value);
    }

    private static JsonNode json(Object value) {
        return Json.mapper().valueToTree(value);
    }

    private static boolean isJson(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return true;
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(PluginParameters::isJson);
        }
        if (value instanceof Map<?, ?> map) {
            return map.keySet().stream().allMatch(k -> k instanceof String)
                    && map.values().stream().allMatch(PluginParameters::isJson);
        }
        return false;
    }

    public DefinitionException bad(String name, Object value, String expected) {
        return new DefinitionException("Parameter " + name + " of plugin " + plugin + " must be " + expected + ", not "
                + (value == null ? "None" : "'" + value + "'"));
    }
}
