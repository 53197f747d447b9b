package io.meterhub.mediation.meter;

import io.meterhub.mediation.definition.DefinitionSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads meters.yaml files: the shipped default, or an operator's file or directory of files. */
public final class MeterDefinitions {

    /** The meters.yaml shipped with meterhub (Ceilometer's own default). */
    public static final String DEFAULT_RESOURCE = "/io/meterhub/mediation/meters.yaml";

    private MeterDefinitions() {}

    /** The shipped default file. */
    public static List<DefinitionSource> defaults() {
        return List.of(DefinitionSource.classpath(DEFAULT_RESOURCE));
    }

    /**
     * The definitions of the sources in order; a definition replaces an earlier one of the same name, in the same
     * file or an earlier one.
     *
     * @throws io.meterhub.mediation.definition.DefinitionFileException naming the file, entry and problem
     */
    public static List<MeterDefinition> load(List<DefinitionSource> sources, UserMetadata reserved) {
        MeterDefinitionReader reader = new MeterDefinitionReader(reserved);
        Map<String, MeterDefinition> all = new LinkedHashMap<>();
        for (DefinitionSource source : sources) {
            reader.read(source).forEach((name, d) -> {
                all.remove(name);
                all.put(name, d);
            });
        }
        return List.copyOf(all.values());
    }
}
