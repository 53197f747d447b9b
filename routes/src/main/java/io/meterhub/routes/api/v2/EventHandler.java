package io.meterhub.routes.api.v2;

import io.meterhub.routes.api.ApiException;
import io.meterhub.routes.api.ApiHandler;
import io.meterhub.routes.api.ApiRequest;
import io.meterhub.routes.api.ApiResponse;
import io.meterhub.routes.api.json.EventJson;
import io.meterhub.routes.api.query.ProjectScope;
import io.meterhub.store.query.EventFilter;
import io.meterhub.store.query.EventRepository;
import java.util.List;

/** {@code GET /v2/events/<message_id>}: one event; 404 when there is none the caller may see. */
public final class EventHandler implements ApiHandler {

    private final EventRepository events;

    public EventHandler(EventRepository events) {
        this.events = events;
    }

    @Override
    public ApiResponse handle(ApiRequest r) {
        String id = r.path("message_id");
        EventFilter filter = ProjectScope.limit(r.caller(), new EventFilter(null, id, null, null, List.of()));
        return events.find(filter, 1).stream()
                .findFirst()
                .map(e -> ApiResponse.ok(EventJson.event(e)))
                .orElseThrow(() -> ApiException.notFound("Event", id));
    }
}
