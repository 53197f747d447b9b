package io.meterhub.routes.api.auth;

import java.util.List;
import java.util.Optional;

/** Combinations of validators. */
public final class TokenValidators {

    private TokenValidators() {}

    /** Asks each validator in turn; the first that knows the token decides. */
    public static TokenValidator firstOf(List<TokenValidator> validators) {
        List<TokenValidator> all = List.copyOf(validators);
        return token -> {
            for (TokenValidator v : all) {
                Optional<Caller> caller = v.validate(token);
                if (caller.isPresent()) {
                    return caller;
                }
            }
            return Optional.empty();
        };
    }
}
