package io.meterhub.routes.api.v2;

import io.meterhub.routes.api.ApiHandler;
import io.meterhub.routes.api.ApiRequest;
import io.meterhub.routes.api.ApiResponse;
import io.meterhub.routes.api.Limits;
import io.meterhub.routes.api.json.EventJson;
import io.meterhub.routes.api.query.EventQueryConverter;
import io.meterhub.routes.api.query.ProjectScope;
import io.meterhub.routes.api.query.SimpleQuery;
import io.meterhub.store.query.EventFilter;
import io.meterhub.store.query.EventRepository;

/** {@code GET /v2/events}: events the query selects, newest first. */
public final class EventsHandler implements ApiHandler {

    private final EventRepository events;
    private final int defaultLimit;

    public EventsHandler(EventRepository events, int defaultLimit) {
        this.events = events;
        this.defaultLimit = defaultLimit;
    }

    @Override
    public ApiResponse handle(ApiRequest r) {
        EventFilter filter = EventQueryConverter.convert(SimpleQuery.from(r.query()));
        int limit = Limits.of(r.query(), defaultLimit);
        return ApiResponse.ok(Lists.of(events.find(ProjectScope.limit(r.caller(), filter), limit), EventJson::event));
    }
}
