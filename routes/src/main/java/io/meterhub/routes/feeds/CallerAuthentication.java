package io.meterhub.routes.feeds;

import io.meterhub.routes.api.ApiException;
import io.meterhub.routes.api.auth.Caller;
import io.meterhub.routes.api.auth.TokenValidator;

/** The caller of a feed request, from its {@code X-Auth-Token}, validated as the API validates it. */
public final class CallerAuthentication {

    public static final String HEADER = "X-Auth-Token";
    private static final String UNAUTHENTICATED = "The request you have made requires authentication.";

    private final TokenValidator tokens;

    public CallerAuthentication(TokenValidator tokens) {
        this.tokens = tokens;
    }

    /**
     * @throws ApiException 401 when the token is missing or not valid
     * @throws io.meterhub.routes.api.auth.TokenValidationException when it cannot be validated now
     */
    public Caller authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw ApiException.unauthorized(UNAUTHENTICATED);
        }
        return tokens.validate(token.strip()).orElseThrow(() -> ApiException.unauthorized(UNAUTHENTICATED));
    }
}
