package io.meterhub.routes.api.v2;

import com.fasterxml.jackson.databind.node.TextNode;
import io.meterhub.routes.api.ApiHandler;
import io.meterhub.routes.api.ApiRequest;
import io.meterhub.routes.api.ApiResponse;
import io.meterhub.store.query.EventRepository;

/** {@code GET /v2/event_types}: the distinct event types, sorted (admins only). */
public final class EventTypesHandler implements ApiHandler {

    private final EventRepository events;

    public EventTypesHandler(EventRepository events) {
        this.events = events;
    }

    @Override
    public ApiResponse handle(ApiRequest r) {
        return ApiResponse.ok(Lists.of(events.eventTypes(), TextNode::valueOf));
    }
}
