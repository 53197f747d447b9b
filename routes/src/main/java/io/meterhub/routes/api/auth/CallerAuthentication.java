package io.meterhub.routes.api.auth;

import io.meterhub.routes.api.ApiException;

/**
 * The caller of a request to the API, the feeds or the WebSub hub, from its {@code X-Auth-Token}: 401 when the
 * token is missing or not valid.
 */
public final class CallerAuthentication {

    /** The header carrying the caller's token, as in Keystone-protected OpenStack services. */
    public static final String HEADER = "X-Auth-Token";

    private static final String UNAUTHENTICATED = "The request you have made requires authentication.";

    private final TokenValidator tokens;

    public CallerAuthentication(TokenValidator tokens) {
        this.tokens = tokens;
    }

    /**
     * @throws ApiException 401 when the token is missing or not valid
     * @throws TokenValidationException when it cannot be validated now
     */
    public Caller authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw ApiException.unauthorized(UNAUTHENTICATED);
        }
        return tokens.validate(token.strip()).orElseThrow(() -> ApiException.unauthorized(UNAUTHENTICATED));
    }
}
