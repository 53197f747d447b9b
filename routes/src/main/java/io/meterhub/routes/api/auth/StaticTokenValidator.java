package io.meterhub.routes.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * Tokens known in advance: the operator's {@code --admin-token} (an admin of every project) and the lines of a
 * {@code --tokens} file ({@link TokenFile}). The admin token is compared in constant time.
 */
public final class StaticTokenValidator implements TokenValidator {

    private final byte[] adminToken;
    private final Map<String, Caller> tokens;

    /**
     * @param adminToken the admin token, or null for none
     * @param tokens token to caller
     */
    public StaticTokenValidator(String adminToken, Map<String, Caller> tokens) {
        this.adminToken = adminToken == null ? null : adminToken.getBytes(StandardCharsets.UTF_8);
        this.tokens = Map.copyOf(tokens);
    }

    @Override
    public Optional<Caller> validate(String token) {
        if (adminToken != null && MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(Caller.operator());
        }
        return Optional.ofNullable(tokens.get(token));
    }
}
