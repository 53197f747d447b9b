package io.meterhub.mediation.definition;

import java.util.Map;

/**
 * The {@code plugin} entry of a definition: a plugin name, or a mapping with {@code name} and optional
 * {@code parameters}.
 */
record PluginConfig(String name, Map<String, ?> parameters) {

    @SuppressWarnings("unchecked")
    static PluginConfig of(Object config, String definition) {
        if (config instanceof String name) {
            return new PluginConfig(name, Map.of());
        }
        if (!(config instanceof Map<?, ?> map) || !map.containsKey("name")) {
            throw new DefinitionException("Plugin specified, but no plugin name supplied for " + definition);
        }
        String name = String.valueOf(map.get("name"));
        Object parameters = map.get("parameters");
        if (parameters != null && !(parameters instanceof Map)) {
            throw new DefinitionException("Parameters of plugin " + name + " for " + definition + " must be a mapping");
        }
        return new PluginConfig(name, (Map<String, ?>) parameters);
    }
}
