package io.meterhub.mediation.event;

import io.meterhub.mediation.definition.DefinitionException;
import io.meterhub.mediation.definition.DefinitionFileException;
import io.meterhub.mediation.definition.DefinitionSource;
import io.meterhub.mediation.definition.FieldDefinition;
import io.meterhub.mediation.definition.YamlValues;
import io.meterhub.model.TraitType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads event_definitions.yaml into {@link EventDefinition}s in file order, validating each entry as Ceilometer
 * does; an invalid entry fails the file with a message naming the file, the entry and the problem.
 */
final class EventDefinitionReader {

    /** Ceilometer's {@code DEFAULT_TRAITS}, in its order. */
    private static final Map<String, Object> DEFAULT_TRAITS = new LinkedHashMap<>();

    static {
        DEFAULT_TRAITS.put("service", Map.of("type", "text", "fields", "publisher_id"));
        DEFAULT_TRAITS.put("request_id", Map.of("type", "text", "fields", "ctxt.request_id"));
        DEFAULT_TRAITS.put(
                "project_id", Map.of("type", "text", "fields", List.of("payload.tenant_id", "ctxt.project_id")));
        DEFAULT_TRAITS.put("user_id", Map.of("type", "text", "fields", List.of("payload.user_id", "ctxt.user_id")));
        DEFAULT_TRAITS.put(
                "tenant_id", Map.of("type", "text", "fields", List.of("payload.tenant_id", "ctxt.project_id")));
    }

    List<EventDefinition> read(DefinitionSource source) {
        Object yaml = source.yaml();
        if (yaml == null) {
            return List.of();
        }
        if (!(yaml instanceof List<?> entries)) {
            throw new DefinitionFileException(source.name(), "is not a list of event definitions");
        }
        List<EventDefinition> definitions = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String label = "entry[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> cfg)) {
                throw DefinitionFileException.entry(source.name(), label, "is not a mapping", null);
            }
            label += " " + cfg.get("event_type");
            try {
                definitions.add(definition(cfg));
            } catch (DefinitionException | IllegalArgumentException e) {
                throw DefinitionFileException.entry(source.name(), label, e.getMessage(), e);
            }
        }
        return definitions;
    }

    /** The catch-all Ceilometer adds unless unmatched notifications are dropped: every type, default traits. */
    static EventDefinition catchAll() {
        return definition(Map.of("event_type", "*", "traits", Map.of()));
    }

    private static EventDefinition definition(Map<?, ?> cfg) {
        for (String required : List.of("event_type", "traits")) {
            if (!cfg.containsKey(required)) {
                throw new IllegalArgumentException("Required field " + required + " not specified");
            }
        }
        List<EventTypeGlob> included = new ArrayList<>();
        List<EventTypeGlob> excluded = new ArrayList<>();
        List<String> types = YamlValues.strings(cfg.get("event_type"), "event_type");
        if (types == null) {
            throw new IllegalArgumentException("event_type must be a string or a list of strings, not null");
        }
        for (String t : types) {
            if (t.startsWith("!")) {
                excluded.add(new EventTypeGlob(t.substring(1)));
            } else {
                included.add(new EventTypeGlob(t));
            }
        }
        if (!excluded.isEmpty() && included.isEmpty()) {
            included.add(new EventTypeGlob("*"));
        }
        if (!(cfg.get("traits") instanceof Map<?, ?> traitsCfg)) {
            throw new IllegalArgumentException("traits must be a mapping");
        }
        Map<String, Object> all = new LinkedHashMap<>(DEFAULT_TRAITS);
        traitsCfg.forEach((k, v) -> all.put(String.valueOf(k), v));
        List<TraitDefinition> traits = new ArrayList<>(all.size());
        all.forEach((name, traitCfg) -> traits.add(trait(name, traitCfg)));
        return new EventDefinition(included, excluded, traits);
    }

    private static TraitDefinition trait(String name, Object cfg) {
        Object typeName = cfg instanceof Map<?, ?> m && m.get("type") != null ? m.get("type") : "text";
        TraitType type =
                switch (String.valueOf(typeName)) {
                    case "text" -> TraitType.TEXT;
                    case "int" -> TraitType.INT;
                    case "float" -> TraitType.FLOAT;
                    case "datetime" -> TraitType.DATETIME;
                    default -> throw new IllegalArgumentException(
                            "Invalid trait type '" + typeName + "' for trait " + name);
                };
        return new TraitDefinition(name, type, FieldDefinition.of(name, cfg));
    }
}
