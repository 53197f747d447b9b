package io.meterhub.routes.api.v2;

import io.meterhub.routes.api.ApiHandler;
import io.meterhub.routes.api.ApiRequest;
import io.meterhub.routes.api.ApiResponse;
import io.meterhub.routes.api.json.EventJson;
import io.meterhub.store.query.EventRepository;

/** {@code GET /v2/event_types/<type>/traits/<name>}: every value of a trait of events of a type (admins only). */
public final class TraitsHandler implements ApiHandler {

    private final EventRepository events;

    public TraitsHandler(EventRepository events) {
        this.events = events;
    }

    @Override
    public ApiResponse handle(ApiRequest r) {
        return ApiResponse.ok(Lists.of(events.traits(r.path("event_type"), r.path("trait_name")), EventJson::trait));
    }
}
