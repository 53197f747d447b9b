package io.meterhub.routes.api.v2;

import io.meterhub.routes.api.ApiException;
import io.meterhub.routes.api.ApiHandler;
import io.meterhub.routes.api.ApiRequest;
import io.meterhub.routes.api.ApiResponse;
import io.meterhub.routes.api.Limits;
import io.meterhub.routes.api.json.ResourceJson;
import io.meterhub.routes.api.query.ProjectScope;
import io.meterhub.routes.api.query.QueryTarget;
import io.meterhub.routes.api.query.QueryValues;
import io.meterhub.routes.api.query.SimpleQuery;
import io.meterhub.routes.api.query.SimpleQueryConverter;
import io.meterhub.store.query.Filter;
import io.meterhub.store.query.ResourceRepository;

/**
 * {@code GET /v2/resources}: resources the query selects, with their links; {@code meter_links=0} leaves out the
 * meter links.
 */
public final class ResourcesHandler implements ApiHandler {

    private final ResourceRepository resources;
    private final int defaultLimit;

    public ResourcesHandler(ResourceRepository resources, int defaultLimit) {
        this.resources = resources;
        this.defaultLimit = defaultLimit;
    }

    @Override
    public ApiResponse handle(ApiRequest r) {
        Filter filter = SimpleQueryConverter.convert(SimpleQuery.from(r.query()), QueryTarget.RESOURCES)
                .filter();
        int limit = Limits.of(r.query(), defaultLimit);
        boolean meterLinks = meterLinks(r.query().last("meter_links").orElse("1"));
        return ApiResponse.ok(Lists.of(
                resources.find(ProjectScope.limit(r.caller(), filter), limit),
                res -> ResourceJson.of(res, r.baseUrl(), meterLinks)));
    }

    private static boolean meterLinks(String raw) {
        try {
            return Integer.parseInt(raw.strip()) != 0;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(
                    QueryValues.ceilometerInvalidInput("meter_links", raw, "unable to convert to int"));
        }
    }
}
