package io.meterhub.routes.api.v2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Where posted samples go: straight to the store, or through the hub's ingest pipeline. */
public interface SampleSink {

    /**
     * Stores the meter messages; returns once they are stored.
     *
     * @throws io.meterhub.routes.api.ApiException when they cannot be
     */
    void store(List<ObjectNode> meterMessages);
}
