package io.meterhub.routes.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;

/**
 * Ceilometer's error body, the only error shape the API answers with:
 * {@code {"error_message": {"faultcode": "Client", "faultstring": "...", "debuginfo": null}}} — faultcode
 * {@code Client} for 4xx and {@code Server} for 5xx, as wsme and Ceilometer's ParsableErrorMiddleware write it.
 */
public final class ErrorBody {

    private ErrorBody() {}

    public static ObjectNode of(int status, String faultstring) {
        ObjectNode fault = Json.mapper().createObjectNode();
        fault.put("faultcode", status >= 500 ? "Server" : "Client");
        fault.put("faultstring", faultstring);
        fault.putNull("debuginfo");
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("error_message", fault);
        return body;
    }

    public static ObjectNode of(ApiException e) {
        return of(e.status(), e.getMessage());
    }
}
