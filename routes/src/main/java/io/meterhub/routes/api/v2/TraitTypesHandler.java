package io.meterhub.routes.api.v2;

import io.meterhub.routes.api.ApiHandler;
import io.meterhub.routes.api.ApiRequest;
import io.meterhub.routes.api.ApiResponse;
import io.meterhub.routes.api.json.EventJson;
import io.meterhub.store.query.EventRepository;

/** {@code GET /v2/event_types/<type>/traits}: the trait names and types of events of a type (admins only). */
public final class TraitTypesHandler implements ApiHandler {

    private final EventRepository events;

    public TraitTypesHandler(EventRepository events) {
        this.events = events;
    }

    @Override
    public ApiResponse handle(ApiRequest r) {
        return ApiResponse.ok(Lists.of(events.traitTypes(r.path("event_type")), EventJson::description));
    }
}
