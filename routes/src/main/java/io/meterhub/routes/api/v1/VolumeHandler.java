package io.meterhub.routes.api.v1;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.routes.api.ApiException;
import io.meterhub.routes.api.ApiHandler;
import io.meterhub.routes.api.ApiRequest;
import io.meterhub.routes.api.ApiResponse;
import io.meterhub.routes.api.query.ProjectScope;
import io.meterhub.store.query.Aggregate;
import io.meterhub.store.query.AggregateFunction;
import io.meterhub.store.query.Statistics;
import io.meterhub.store.query.StatisticsQuery;
import io.meterhub.store.query.StatisticsSource;
import java.util.List;

/**
 * The v1 volume summaries ({@code /v1/<users|projects|resources>/<id>/meters/<meter>/volume/<sum|max>}), as
 * Ceilometer's v1 blueprint answers them: {@code {"volume": <value>}}, null when no sample matches. A caller who is
 * not an admin asking for another project gets 404, as v1's {@code check_authorized_project} answered.
 */
public final class VolumeHandler implements ApiHandler {

    private final StatisticsSource statistics;
    private final UsageOwner owner;
    private final AggregateFunction function;

    /** @param function {@link AggregateFunction#SUM} or {@link AggregateFunction#MAX} */
    public VolumeHandler(StatisticsSource statistics, UsageOwner owner, AggregateFunction function) {
        this.statistics = statistics;
        this.owner = owner;
        this.function = function;
    }

    @Override
    public ApiResponse handle(ApiRequest r) {
        String id = r.path(owner.pathParam());
        if (owner == UsageOwner.PROJECTS && !ProjectScope.allows(r.caller(), id)) {
            throw ApiException.notFound("Project", id);
        }
        UsageWindow window = UsageWindow.of(r.query());
        StatisticsQuery q = new StatisticsQuery(
                ProjectScope.limit(r.caller(), window.filter(r.path("meter"), owner.field(), id)),
                window.queryStart(),
                window.queryEnd(),
                null,
                List.of(),
                List.of(Aggregate.of(function)));
        List<Statistics> computed = statistics.statistics(q);
        ObjectNode out = Json.mapper().createObjectNode();
        Double value = computed.isEmpty() ? null : computed.get(0).aggregate().get(function.wireName());
        if (value == null) {
            out.putNull("volume");
        } else {
            out.put("volume", value);
        }
        return ApiResponse.ok(out);
    }
}
