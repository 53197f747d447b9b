package io.meterhub.mediation.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.jsonpath.JsonPathMatch;
import java.util.List;

/**
 * Ceilometer's {@code TraitPluginBase}: turns the matches of a definition's fields into values. Implementations are
 * immutable and thread-safe; one instance serves one definition.
 */
public interface TraitPlugin {

    /**
     * Ceilometer's {@code trait_values(match_list)}, called even when nothing matched.
     *
     * @param matches the matches, with their paths (e.g. {@code payload.foo}) and values; when the definition is
     *     parsed for one value, matches whose value is JSON null are left out
     * @return the values; a null entry (or a JSON null) is Python's None, which the definition drops
     */
    List<JsonNode> traitValues(List<JsonPathMatch> matches);

    /** Ceilometer's {@code support_return_all_values}: whether the plugin may be used to parse all values. */
    boolean supportsReturnAllValues();
}
