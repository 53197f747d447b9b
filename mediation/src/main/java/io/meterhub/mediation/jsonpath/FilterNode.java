package io.meterhub.mediation.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code [?cond & cond]}: the elements of a list for which every condition holds (all are evaluated, as in
 * Python); nothing on anything but a list. Inside a condition {@code @} and {@code $} are the element.
 */
final class FilterNode extends Node {

    private final FilterExpression[] expressions;

    FilterNode(List<FilterExpression> expressions) {
        this.expressions = expressions.toArray(new FilterExpression[0]);
    }

    @Override
    void find(Datum datum, List<Datum> out) {
        Datum context = datum.wrap();
        JsonNode list = context.value;
        if (!list.isArray()) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode element = list.get(i);
            int holding = 0;
            for (FilterExpression expression : expressions) {
                if (expression.test(element)) {
                    holding++;
                }
            }
            if (holding == expressions.length) {
                out.add(Datum.index(element, context, i));
            }
        }
    }

    @Override
    public String toString() {
        return Stream.of(expressions).map(Object::toString).collect(Collectors.joining(",", "Filter([", "])"));
    }
}
