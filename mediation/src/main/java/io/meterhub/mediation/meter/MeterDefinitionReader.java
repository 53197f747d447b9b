package io.meterhub.mediation.meter;

import io.meterhub.mediation.definition.DefinitionException;
import io.meterhub.mediation.definition.DefinitionFileException;
import io.meterhub.mediation.definition.DefinitionSource;
import io.meterhub.mediation.definition.FieldDefinition;
import io.meterhub.mediation.definition.YamlValues;
import io.meterhub.model.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the {@code metric} list of a meters.yaml into {@link MeterDefinition}s, validating each entry as Ceilometer
 * does ({@code MeterDefinition.__init__}); an invalid entry fails the whole file with a message naming the file, the
 * entry and the problem (Ceilometer would log it and drop the meter).
 */
final class MeterDefinitionReader {

    private static final List<String> REQUIRED_FIELDS =
            List.of("name", "type", "event_type", "unit", "volume", "resource_id");
    private static final Set<String> TYPES = Set.of("gauge", "delta", "cumulative");

    private final UserMetadata reserved;

    MeterDefinitionReader(UserMetadata reserved) {
        this.reserved = reserved;
    }

    /** The definitions of one file in file order; a later entry of the same name replaces an earlier one. */
    Map<String, MeterDefinition> read(DefinitionSource source) {
        Object yaml = source.yaml();
        if (!(yaml instanceof Map<?, ?> top) || !(top.get("metric") instanceof List<?> metrics)) {
            throw new DefinitionFileException(source.name(), "has no 'metric' list");
        }
        Map<String, MeterDefinition> definitions = new LinkedHashMap<>();
        for (int i = 0; i < metrics.size(); i++) {
            Object entry = metrics.get(i);
            String label = "metric[" + i + "]";
            if (!(entry instanceof Map<?, ?> cfg)) {
                throw DefinitionFileException.entry(source.name(), label, "is not a mapping", null);
            }
            label += " '" + cfg.get("name") + "'";
            try {
                MeterDefinition d = definition(cfg);
                definitions.remove(d.name());
                definitions.put(d.name(), d);
            } catch (DefinitionException | IllegalArgumentException e) {
                throw DefinitionFileException.entry(source.name(), label, e.getMessage(), e);
            }
        }
        return definitions;
    }

    private MeterDefinition definition(Map<?, ?> cfg) {
        List<String> missing = REQUIRED_FIELDS.stream()
                .filter(f -> !YamlValues.truthy(cfg.get(f)))
                .map(f -> "'" + f + "'")
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Required fields [" + String.join(", ", missing) + "] not specified");
        }
        List<String> lookup = YamlValues.strings(cfg.get("lookup"), "lookup");
        if ((lookup == null || !lookup.contains("type")) && !TYPES.contains(String.valueOf(cfg.get("type")))) {
            throw new IllegalArgumentException("Invalid type " + cfg.get("type") + " specified");
        }
        Map<String, FieldDefinition> attributes = new LinkedHashMap<>();
        for (String attr : MeterDefinition.SAMPLE_ATTRIBUTES) {
            Object attrCfg = cfg.get(attr);
            if (YamlValues.truthy(attrCfg)) {
                attributes.put(attr, FieldDefinition.of(attr, attrCfg));
            }
        }
        Map<String, FieldDefinition> metadata = new LinkedHashMap<>();
        Object md = cfg.get("metadata");
        if (md != null && !(md instanceof Map)) {
            throw new IllegalArgumentException("metadata is not a mapping");
        }
        if (md != null) {
            ((Map<?, ?>) md)
                    .forEach((k, v) -> metadata.put(String.valueOf(k), FieldDefinition.of(String.valueOf(k), v)));
        }
        Object userMeta = cfg.get("user_metadata");
        return new MeterDefinition(
                String.valueOf(cfg.get("name")),
                Json.mapper().valueToTree(cfg.get("type")),
                Json.mapper().valueToTree(cfg.get("unit")),
                eventTypes(cfg.get("event_type")),
                attributes,
                metadata,
                YamlValues.truthy(userMeta) ? FieldDefinition.of("user_metadata", userMeta) : null,
                lookup,
                reserved);
    }

    private static EventTypeMatcher eventTypes(Object cfg) {
        List<String> patterns = YamlValues.strings(cfg, "event_type");
        List<Pattern> compiled = new ArrayList<>(patterns.size());
        for (String p : patterns) {
            try {
                compiled.add(Pattern.compile(p));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "event_type '" + p + "' is not a regular expression: " + e.getDescription(), e);
            }
        }
        return new EventTypeMatcher(compiled);
    }
}
