package io.meterhub.routes.api.v1;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.routes.api.ApiHandler;
import io.meterhub.routes.api.ApiRequest;
import io.meterhub.routes.api.ApiResponse;
import io.meterhub.routes.api.json.ApiTimes;
import io.meterhub.routes.api.json.StatisticsJson;
import io.meterhub.routes.api.query.ProjectScope;
import io.meterhub.store.query.Statistics;
import io.meterhub.store.query.StatisticsQuery;
import io.meterhub.store.query.StatisticsSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code /v1/resources/<resource>/meters/<meter>/duration}: the first and last sample times of the meter on the
 * resource within the range, clamped to it, and the seconds between, as v1's {@code compute_duration_by_resource}:
 * {@code {"start_timestamp": ..., "end_timestamp": ..., "duration": ...}}, all null when no sample is in range.
 */
public final class DurationHandler implements ApiHandler {

    private final StatisticsSource statistics;

    public DurationHandler(StatisticsSource statistics) {
        this.statistics = statistics;
    }

    @Override
    public ApiResponse handle(ApiRequest r) {
        UsageWindow window = UsageWindow.of(r.query());
        StatisticsQuery q = new StatisticsQuery(
                ProjectScope.limit(
                        r.caller(),
                        window.filter(r.path("meter"), "resource_id", r.path(UsageOwner.RESOURCES.pathParam()))),
                window.queryStart(),
                window.queryEnd(),
                null,
                List.of(),
                List.of());
        List<Statistics> computed = statistics.statistics(q);
        Instant first = computed.isEmpty() ? null : computed.get(0).durationStart();
        Instant last = computed.isEmpty() ? null : computed.get(0).durationEnd();
        if (window.start() != null && first != null && first.isBefore(window.start())) {
            first = window.start();
        }
        if (window.end() != null && last != null && last.isAfter(window.end())) {
            last = window.end();
        }
        ObjectNode out = Json.mapper().createObjectNode();
        if (first != null && last != null && !first.isAfter(last)) {
            out.put("start_timestamp", ApiTimes.format(first));
            out.put("end_timestamp", ApiTimes.format(last));
            out.put("duration", StatisticsJson.seconds(Duration.between(first, last)));
        } else {
            out.putNull("start_timestamp");
            out.putNull("end_timestamp");
            out.putNull("duration");
        }
        return ApiResponse.ok(out);
    }
}
