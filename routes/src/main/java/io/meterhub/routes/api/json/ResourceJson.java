package io.meterhub.routes.api.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.model.Resource;
import io.meterhub.store.query.StoredResource;

/**
 * Ceilometer's {@code Resource} of {@code /v2/resources}, with its links as {@code ResourcesController._make_link}
 * builds them: {@code self} to {@code <url>/v2/resources/<id>}, and one per meter of the resource, named after the
 * meter, to {@code <url>/v2/meters/<meter>?q.field=resource_id&q.value=<id>} (ids not escaped, as there).
 */
public final class ResourceJson {

    private ResourceJson() {}

    public static ObjectNode of(StoredResource stored, String baseUrl, boolean meterLinks) {
        Resource r = stored.resource();
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("resource_id", r.resourceId());
        o.put("project_id", r.projectId());
        o.put("user_id", r.userId());
        o.put("first_sample_timestamp", ApiTimes.format(r.firstSampleTimestamp()));
        o.put("last_sample_timestamp", ApiTimes.format(r.lastSampleTimestamp()));
        o.set("metadata", FlatMetadata.of(r.metadata()));
        ArrayNode links = o.putArray("links");
        links.add(link("self", baseUrl + "/v2/resources/" + r.resourceId()));
        if (meterLinks) {
            for (String meter : stored.meterNames()) {
                links.add(link(
                        meter, baseUrl + "/v2/meters/" + meter + "?q.field=resource_id&q.value=" + r.resourceId()));
            }
        }
        o.put("source", r.source());
        return o;
    }

    private static ObjectNode link(String rel, String href) {
        ObjectNode l = Json.mapper().createObjectNode();
        l.put("href", href);
        l.put("rel", rel);
        return l;
    }
}
