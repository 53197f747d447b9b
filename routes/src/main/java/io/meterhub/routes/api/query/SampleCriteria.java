package io.meterhub.routes.api.query;

import io.meterhub.store.query.Filter;
import java.time.Instant;

/**
 * A simple query converted: the filter on stored fields, and the timestamp bounds it holds.
 *
 * @param start the lower bound searched ({@code search_offset} already subtracted), or null
 * @param end the upper bound searched ({@code search_offset} already added), or null
 * @param requestedStart the lower bound as the query gave it, which statistics clamp durations to, or null
 * @param requestedEnd the upper bound as the query gave it, or null
 */
public record SampleCriteria(Filter filter, Instant start, Instant end, Instant requestedStart, Instant requestedEnd) {}
