package io.meterhub.routes.api.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.meterhub.model.Json;
import java.util.List;
import java.util.function.Function;

/** A JSON list of formatted items. */
final class Lists {

    private Lists() {}

    static <T> ArrayNode of(List<T> items, Function<T, ? extends JsonNode> format) {
        ArrayNode out = Json.mapper().createArrayNode();
        items.forEach(i -> out.add(format.apply(i)));
        return out;
    }
}
