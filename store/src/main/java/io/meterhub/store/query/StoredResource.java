package io.meterhub.store.query;

import io.meterhub.model.Resource;
import java.util.List;
import java.util.Objects;

/**
 * A resource as the store returns it, with the names of the meters sampled on it (for the API's links to
 * {@code /v2/meters/<name>?q.field=resource_id&q.value=<id>}). The resource's first sample time has millisecond
 * precision (the store keeps it as a BSON date only); its last sample time has the sample's full precision.
 */
public record StoredResource(Resource resource, List<String> meterNames) {

    public StoredResource {
        Objects.requireNonNull(resource, "resource");
        meterNames = List.copyOf(meterNames);
    }
}
