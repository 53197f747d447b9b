package io.meterhub.routes.api;

/** One endpoint of the API: answers an authenticated request, or throws {@link ApiException}. */
@FunctionalInterface
public interface ApiHandler {

    ApiResponse handle(ApiRequest request);
}
