package io.meterhub.routes.api.v2;

import io.meterhub.routes.api.ApiHandler;
import io.meterhub.routes.api.ApiRequest;
import io.meterhub.routes.api.ApiResponse;
import io.meterhub.routes.api.json.SampleJson;
import io.meterhub.routes.api.query.ComplexQuery;
import io.meterhub.routes.api.query.ComplexQueryParser;
import io.meterhub.routes.api.query.ProjectScope;
import io.meterhub.store.query.SampleRepository;

/**
 * {@code POST /v2/query/samples}: the complex query; without a {@code limit} in the body the API's default limit
 * applies (Ceilometer returned everything).
 */
public final class QuerySamplesHandler implements ApiHandler {

    private final SampleRepository samples;
    private final int defaultLimit;

    public QuerySamplesHandler(SampleRepository samples, int defaultLimit) {
        this.samples = samples;
        this.defaultLimit = defaultLimit;
    }

    @Override
    public ApiResponse handle(ApiRequest r) {
        ComplexQuery q = ComplexQueryParser.parse(r.body());
        int limit = q.limit() == null ? defaultLimit : q.limit();
        return ApiResponse.ok(Lists.of(
                samples.find(ProjectScope.limit(r.caller(), q.filter()), q.orderBy(), limit), SampleJson::sample));
    }
}
