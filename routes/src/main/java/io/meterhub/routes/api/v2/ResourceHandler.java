package io.meterhub.routes.api.v2;

import io.meterhub.routes.api.ApiException;
import io.meterhub.routes.api.ApiHandler;
import io.meterhub.routes.api.ApiRequest;
import io.meterhub.routes.api.ApiResponse;
import io.meterhub.routes.api.json.ResourceJson;
import io.meterhub.routes.api.query.ProjectScope;
import io.meterhub.store.query.ResourceRepository;

/** {@code GET /v2/resources/<id>}: one resource with its links; 404 when there is none the caller may see. */
public final class ResourceHandler implements ApiHandler {

    private final ResourceRepository resources;

    public ResourceHandler(ResourceRepository resources) {
        this.resources = resources;
    }

    @Override
    public ApiResponse handle(ApiRequest r) {
        String id = r.path("id");
        return resources
                .findById(id)
                .filter(res -> ProjectScope.allows(r.caller(), res.resource().projectId()))
                .map(res -> ApiResponse.ok(ResourceJson.of(res, r.baseUrl(), true)))
                .orElseThrow(() -> ApiException.notFound("Resource", id));
    }
}
