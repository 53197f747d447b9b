package io.meterhub.routes.api.v1;

import io.meterhub.routes.api.ApiException;
import io.meterhub.routes.api.QueryParams;
import io.meterhub.routes.api.query.QueryValues;
import io.meterhub.store.query.Filter;
import io.meterhub.store.query.Op;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The time range of a v1 usage request ({@code blueprint._get_query_timestamps}): {@code start_timestamp}
 * (samples at or after it) and {@code end_timestamp} (samples before it), both widened by {@code search_offset}
 * minutes for the search but not for clamping.
 */
record UsageWindow(Instant start, Instant end, Instant queryStart, Instant queryEnd) {

    static UsageWindow of(QueryParams q) {
        Instant start = time(q, "start_timestamp");
        Instant end = time(q, "end_timestamp");
        long offset = offset(q.last("search_offset").orElse("0"));
        return new UsageWindow(
                start,
                end,
                start == null ? null : start.minusSeconds(60 * offset),
                end == null ? null : end.plusSeconds(60 * offset));
    }

    /** The conditions of a meter's samples of one user, project or resource in this range. */
    Filter filter(String meter, String field, String id) {
        List<Filter> all = new ArrayList<>();
        all.add(Filter.eq("counter_name", meter));
        all.add(Filter.eq(field, id));
        if (queryStart != null) {
            all.add(new Filter.Compare("timestamp", Op.GE, queryStart));
        }
        if (queryEnd != null) {
            all.add(new Filter.Compare("timestamp", Op.LT, queryEnd));
        }
        return new Filter.And(all);
    }

    private static Instant time(QueryParams q, String name) {
        String raw = q.last(name).orElse("");
        return raw.isEmpty() ? null : QueryValues.timestamp(name, raw);
    }

    private static long offset(String raw) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(QueryValues.ceilometerInvalidInput("search_offset", raw, "invalid integer"));
        }
    }
}
