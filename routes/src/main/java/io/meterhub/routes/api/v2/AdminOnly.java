package io.meterhub.routes.api.v2;

import io.meterhub.routes.api.ApiException;
import io.meterhub.routes.api.ApiHandler;
import io.meterhub.routes.api.ApiRequest;
import io.meterhub.routes.api.ApiResponse;

/**
 * An endpoint only admins may use, as Ceilometer's {@code requires_admin} guards the event type endpoints: anyone
 * else gets 403 with Ceilometer's message.
 */
public final class AdminOnly implements ApiHandler {

    private final ApiHandler delegate;

    public AdminOnly(ApiHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public ApiResponse handle(ApiRequest r) {
        if (!r.caller().admin()) {
            throw ApiException.forbidden(
                    "Not Authorized to access project " + r.caller().projectId());
        }
        return delegate.handle(r);
    }
}
