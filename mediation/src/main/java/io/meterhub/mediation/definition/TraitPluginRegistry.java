package io.meterhub.mediation.definition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Trait plugins by name, as Ceilometer's {@code ceilometer.event.trait_plugin} entry points register them:
 * {@code split}, {@code bitfield} and {@code timedelta}. Immutable.
 */
public final class TraitPluginRegistry {

    private static final TraitPluginRegistry CEILOMETER = new TraitPluginRegistry(Map.of(
            "split", SplitterTraitPlugin::of,
            "bitfield", BitfieldTraitPlugin::of,
            "timedelta", TimedeltaTraitPlugin::of));

    private final Map<String, Function<PluginParameters, TraitPlugin>> factories;

    private TraitPluginRegistry(Map<String, Function<PluginParameters, TraitPlugin>> factories) {
        this.factories = Map.copyOf(factories);
    }

    /** Ceilometer 19's plugins. */
    public static TraitPluginRegistry ceilometer() {
        return CEILOMETER;
    }

    /** This registry plus (or with a replaced) {@code name}. */
    public TraitPluginRegistry with(String name, Function<PluginParameters, TraitPlugin> factory) {
        Map<String, Function<PluginParameters, TraitPlugin>> more = new LinkedHashMap<>(factories);
        more.put(name, factory);
        return new TraitPluginRegistry(more);
    }

    public Set<String> names() {
        return factories.keySet();
    }

    /**
     * A new plugin for a definition.
     *
     * @param name the plugin name
     * @param parameters its parameters, null for none
     * @param definition the definition's name, for messages
     * @throws DefinitionException for an unknown name or bad parameters
     */
    public TraitPlugin create(String name, Map<String, ?> parameters, String definition) {
        Function<PluginParameters, TraitPlugin> factory = factories.get(name);
        if (factory == null) {
            throw new DefinitionException("No plugin named " + name + " available for " + definition);
        }
        try {
            return factory.apply(new PluginParameters(name, parameters));
        } catch (DefinitionException e) {
            throw new DefinitionException(e.getMessage() + " (for " + definition + ")", e);
        }
    }
}
