package io.meterhub.routes.api.auth;

import java.util.Optional;

/**
 * Turns the {@code X-Auth-Token} of a request into the {@link Caller} it stands for. Implementations: {@link
 * StaticTokenValidator} (tokens from the options), {@link KeystoneTokenValidator} (asks Keystone), combined with
 * {@link TokenValidators#firstOf}.
 */
public interface TokenValidator {

    /**
     * @param token the caller's token, never null or empty
     * @return the caller, or empty when the token is not valid
     * @throws TokenValidationException when validity cannot be decided now (the identity service does not answer)
     */
    Optional<Caller> validate(String token);
}
