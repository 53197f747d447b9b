package io.meterhub.routes.api.v2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.routes.api.ApiHandler;
import io.meterhub.routes.api.ApiRequest;
import io.meterhub.routes.api.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v2/capabilities}: what meterhub supports, flattened with {@code :} as Ceilometer's
 * {@code _flatten_capabilities} does ({@code "statistics:aggregation:selectable:stddev": true}). Alarms are not
 * served; quartiles are not computed; complex queries exist for samples only. The storage is
 * {@code production_ready} only on a real MongoDB ({@code --store}), not on the embedded store.
 */
public final class CapabilitiesHandler implements ApiHandler {

    private final ObjectNode capabilities;

    /** @param productionReady whether the store is a real MongoDB */
    public CapabilitiesHandler(boolean productionReady) {
        this.capabilities = capabilities(productionReady);
    }

    @Override
    public ApiResponse handle(ApiRequest r) {
        return ApiResponse.ok(capabilities.deepCopy());
    }

    private static ObjectNode capabilities(boolean productionReady) {
        Map<String, Boolean> api = new LinkedHashMap<>();
        for (String entity : new String[] {"meters", "resources", "samples", "statistics"}) {
            api.put(entity + ":query:simple", true);
            api.put(entity + ":query:metadata", true);
            api.put(entity + ":query:complex", entity.equals("samples"));
        }
        api.put("statistics:groupby", true);
        api.put("statistics:aggregation:standard", true);
        for (String f : new String[] {"max", "min", "sum", "avg", "count", "stddev", "cardinality"}) {
            api.put("statistics:aggregation:selectable:" + f, true);
        }
        api.put("statistics:aggregation:selectable:quartile", false);
        api.put("events:query:simple", true);
        api.put("alarms:query:simple", false);
        api.put("alarms:query:complex", false);
        api.put("alarms:history:query:simple", false);
        api.put("alarms:history:query:complex", false);
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("api", Json.mapper().valueToTree(api));
        out.set("storage", Json.mapper().valueToTree(Map.of("storage:production_ready", productionReady)));
        out.set("event_storage", Json.mapper().valueToTree(Map.of("storage:production_ready", productionReady)));
        return out;
    }
}
