package io.meterhub.routes.api.v2;

import io.meterhub.routes.api.ApiHandler;
import io.meterhub.routes.api.ApiRequest;
import io.meterhub.routes.api.ApiResponse;
import io.meterhub.routes.api.Limits;
import io.meterhub.routes.api.json.MeterJson;
import io.meterhub.routes.api.query.ProjectScope;
import io.meterhub.routes.api.query.QueryTarget;
import io.meterhub.routes.api.query.SimpleQuery;
import io.meterhub.routes.api.query.SimpleQueryConverter;
import io.meterhub.store.query.Filter;
import io.meterhub.store.query.MeterRepository;

/** {@code GET /v2/meters}: every (resource, meter) pair the query selects (no timestamps), up to {@code limit}. */
public final class MetersHandler implements ApiHandler {

    private final MeterRepository meters;
    private final int defaultLimit;

    public MetersHandler(MeterRepository meters, int defaultLimit) {
        this.meters = meters;
        this.defaultLimit = defaultLimit;
    }

    @Override
    public ApiResponse handle(ApiRequest r) {
        Filter filter = SimpleQueryConverter.convert(SimpleQuery.from(r.query()), QueryTarget.METERS)
                .filter();
        int limit = Limits.of(r.query(), defaultLimit);
        return ApiResponse.ok(Lists.of(meters.find(ProjectScope.limit(r.caller(), filter), limit), MeterJson::of));
    }
}
