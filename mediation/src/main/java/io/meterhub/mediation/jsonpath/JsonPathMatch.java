package io.meterhub.mediation.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One match of a JSONPath expression.
 *
 * @param path the match's path as Ceilometer's {@code Definition._get_path} joins it with {@code .}, e.g.
 *     {@code payload.foo} or {@code payload.list.[0]}; empty for a value computed by an operator
 * @param value the matched value; a {@code NullNode} for a JSON null (Python's None)
 */
public record JsonPathMatch(String path, JsonNode value) {}
