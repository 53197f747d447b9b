package io.meterhub.routes.api.v2;

import io.meterhub.routes.api.ApiException;
import io.meterhub.routes.api.ApiHandler;
import io.meterhub.routes.api.ApiRequest;
import io.meterhub.routes.api.ApiResponse;
import io.meterhub.routes.api.json.StatisticsJson;
import io.meterhub.routes.api.query.ProjectScope;
import io.meterhub.routes.api.query.QueryTarget;
import io.meterhub.routes.api.query.SampleCriteria;
import io.meterhub.routes.api.query.SimpleQuery;
import io.meterhub.routes.api.query.SimpleQueryConverter;
import io.meterhub.store.query.Statistics;
import io.meterhub.store.query.StatisticsQuery;
import io.meterhub.store.query.StatisticsSource;
import java.util.List;

/**
 * {@code GET /v2/meters/<name>/statistics}: the statistics of the meter's samples the query selects, per period
 * ({@code period}) and group ({@code groupby}), of the standard functions or those {@code aggregate.func} names.
 */
public final class StatisticsHandler implements ApiHandler {

    private final StatisticsSource statistics;

    public StatisticsHandler(StatisticsSource statistics) {
        this.statistics = statistics;
    }

    @Override
    public ApiResponse handle(ApiRequest r) {
        SampleCriteria c =
                SimpleQueryConverter.convert(SimpleQuery.from(r.query()), QueryTarget.SAMPLES, r.path("name"));
        StatisticsParams p = StatisticsParams.of(r.query());
        StatisticsQuery q = new StatisticsQuery(
                ProjectScope.limit(r.caller(), c.filter()),
                c.start(),
                c.end(),
                p.period(),
                p.groupBy(),
                p.aggregates());
        List<Statistics> computed;
        try {
            computed = statistics.statistics(q);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return ApiResponse.ok(Lists.of(computed, s -> StatisticsJson.of(s, c.requestedStart(), c.requestedEnd())));
    }
}
