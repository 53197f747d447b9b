package io.meterhub.routes.api.v2;

import io.meterhub.routes.api.ApiException;
import io.meterhub.routes.api.ApiHandler;
import io.meterhub.routes.api.ApiRequest;
import io.meterhub.routes.api.ApiResponse;
import io.meterhub.routes.api.json.SampleJson;
import io.meterhub.routes.api.query.ProjectScope;
import io.meterhub.store.query.SampleRepository;

/** {@code GET /v2/samples/<id>}: one sample; 404 when there is none the caller may see. */
public final class SampleHandler implements ApiHandler {

    private final SampleRepository samples;

    public SampleHandler(SampleRepository samples) {
        this.samples = samples;
    }

    @Override
    public ApiResponse handle(ApiRequest r) {
        String id = r.path("id");
        return samples.findById(id)
                .filter(s -> ProjectScope.allows(r.caller(), s.sample().projectId()))
                .map(s -> ApiResponse.ok(SampleJson.sample(s)))
                .orElseThrow(() -> ApiException.notFound("Sample", id));
    }
}
