package io.meterhub.routes.api;

import io.meterhub.routes.api.auth.Caller;
import java.util.Map;

/**
 * What an endpoint handler sees of one authenticated request.
 *
 * @param path the path parameters ({@code {name}} of the route) by name
 * @param body the request body, empty when there is none
 * @param baseUrl {@code http://host:port} as the client addressed the hub, for links (Ceilometer's
 *     {@code application_url})
 */
public record ApiRequest(Caller caller, Map<String, String> path, QueryParams query, byte[] body, String baseUrl) {

    public ApiRequest {
        path = Map.copyOf(path);
    }

    /** A path parameter; the route guarantees it. */
    public String path(String name) {
        String v = path.get(name);
        if (v == null) {
            throw new IllegalStateException("the route has no path parameter " + name);
        }
        return v;
    }
}
