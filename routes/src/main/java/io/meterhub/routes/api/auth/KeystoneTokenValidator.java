package io.meterhub.routes.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.model.Json;
import io.meterhub.model.Timestamps;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates tokens with Keystone's v3 API, as keystonemiddleware does: {@code GET {auth_url}/v3/auth/tokens} with the
 * service's own token in {@code X-Auth-Token} and the caller's in {@code X-Subject-Token}. 200 gives the project, user
 * and roles of the token (an admin when a role is {@value Caller#ADMIN_ROLE}); 404 or 401 means the token is not valid,
 * and so does a token scoped to no project. Results are cached for {@code cacheTime}, never past the token's expiry.
 */
public final class KeystoneTokenValidator implements TokenValidator {

    private static final Logger LOG = LoggerFactory.getLogger(KeystoneTokenValidator.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int CACHE_CAPACITY = 10_000;

    private final URI tokensUri;
    private final String serviceToken;
    private final HttpClient http;
    private final ValidationCache cache;

    /**
     * @param authUrl Keystone's base URL, e.g. {@code http://keystone:5000} (a trailing {@code /v3} is accepted)
     * @param serviceToken the token meterhub authenticates itself with
     * @param cacheTime how long a validation is remembered; zero for never
     */
    public KeystoneTokenValidator(URI authUrl, String serviceToken, Duration cacheTime, Clock clock) {
        this.tokensUri = tokensUri(authUrl);
        this.serviceToken = serviceToken;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        this.cache = new ValidationCache(cacheTime, CACHE_CAPACITY, clock);
    }

    static URI tokensUri(URI authUrl) {
        String base = authUrl.toString().replaceAll("/+$", "");
        if (base.endsWith("/v3")) {
            base = base.substring(0, base.length() - 3);
        }
        return URI.create(base + "/v3/auth/tokens");
    }

    @Override
    public Optional<Caller> validate(String token) {
        Optional<Caller> cached = cache.get(token);
        if (cached != null) {
            return cached;
        }
        HttpResponse<String> response = ask(token);
        switch (response.statusCode()) {
            case 200 -> {
                JsonNode t = parse(response.body()).path("token");
                Optional<Caller> caller = caller(t);
                cache.put(token, caller, expiry(t));
                return caller;
            }
            case 401, 404 -> {
                if (response.statusCode() == 401) {
                    LOG.warn("Keystone answered 401 to a token validation: the token, or meterhub's own "
                            + "--keystone-token, is not valid");
                }
                cache.put(token, Optional.empty(), null);
                return Optional.empty();
            }
            default -> throw new TokenValidationException(
                    "Keystone answered " + response.statusCode() + " to a token validation");
        }
    }

    private HttpResponse<String> ask(String token) {
        HttpRequest request = HttpRequest.newBuilder(tokensUri)
                .timeout(TIMEOUT)
                .header("X-Auth-Token", serviceToken)
                .header("X-Subject-Token", token)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenValidationException("Keystone at " + tokensUri + " does not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenValidationException("interrupted while asking Keystone", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new TokenValidationException("Keystone's answer is not JSON: " + e.getMessage(), e);
        }
    }

    private static Optional<Caller> caller(JsonNode token) {
        String project = text(token.path("project").path("id"));
        if (project == null) {
            return Optional.empty(); // unscoped or domain-scoped: no project to limit the caller to
        }
        Set<String> roles = new HashSet<>();
        token.path("roles").forEach(r -> {
            if (text(r.path("name")) != null) {
                roles.add(r.path("name").asText());
            }
        });
        return Optional.of(Caller.of(project, text(token.path("user").path("id")), roles));
    }

    private static Instant expiry(JsonNode token) {
        return Timestamps.parse(text(token.path("expires_at"))).orElse(null);
    }

    private static String text(JsonNode n) {
        return n.isTextual() && !n.asText().isEmpty() ? n.asText() : null;
    }
}
