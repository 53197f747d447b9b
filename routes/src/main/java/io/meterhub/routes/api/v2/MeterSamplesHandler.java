package io.meterhub.routes.api.v2;

import io.meterhub.routes.api.ApiHandler;
import io.meterhub.routes.api.ApiRequest;
import io.meterhub.routes.api.ApiResponse;
import io.meterhub.routes.api.Limits;
import io.meterhub.routes.api.json.SampleJson;
import io.meterhub.routes.api.query.ProjectScope;
import io.meterhub.routes.api.query.QueryTarget;
import io.meterhub.routes.api.query.SimpleQuery;
import io.meterhub.routes.api.query.SimpleQueryConverter;
import io.meterhub.store.query.Filter;
import io.meterhub.store.query.SampleRepository;
import java.util.List;

/** {@code GET /v2/meters/<name>}: the meter's samples (newest first) in the OldSample format. */
public final class MeterSamplesHandler implements ApiHandler {

    private final SampleRepository samples;
    private final int defaultLimit;

    public MeterSamplesHandler(SampleRepository samples, int defaultLimit) {
        this.samples = samples;
        this.defaultLimit = defaultLimit;
    }

    @Override
    public ApiResponse handle(ApiRequest r) {
        Filter filter = SimpleQueryConverter.convert(SimpleQuery.from(r.query()), QueryTarget.SAMPLES, r.path("name"))
                .filter();
        int limit = Limits.of(r.query(), defaultLimit);
        return ApiResponse.ok(Lists.of(
                samples.find(ProjectScope.limit(r.caller(), filter), List.of(), limit), SampleJson::oldSample));
    }
}
