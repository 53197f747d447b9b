package io.meterhub.routes.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Keystone adapter against a real HTTP server speaking Keystone v3's token validation: {@code GET
 * /v3/auth/tokens}, 200 with the token body for a known subject token, 404 for an unknown one, 401 for a wrong
 * service token.
 */
class KeystoneTokenValidatorIT {

    private static final String SERVICE_TOKEN = "service-token";
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private HttpServer keystone;
    private final List<String> subjects = new CopyOnWriteArrayList<>();
    private final Map<String, String> tokenBodies = new ConcurrentHashMap<>();
    private volatile int forcedStatus;
    private final MutableClock clock = new MutableClock(NOW);

    @BeforeEach
    void startKeystone() throws IOException {
        keystone = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        keystone.createContext("/v3/auth/tokens", this::handle);
        keystone.start();
    }

    @AfterEach
    void stopKeystone() {
        keystone.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String subject = ex.getRequestHeaders().getFirst("X-Subject-Token");
        subjects.add(ex.getRequestMethod() + " " + subject);
        int status;
        String body;
        if (forcedStatus != 0) {
            status = forcedStatus;
            body = "{\"error\":{\"code\":" + status + "}}";
        } else if (!SERVICE_TOKEN.equals(ex.getRequestHeaders().getFirst("X-Auth-Token"))) {
            status = 401;
            body = "{\"error\":{\"code\":401,\"title\":\"Unauthorized\"}}";
        } else if (tokenBodies.containsKey(subject)) {
            status = 200;
            body = tokenBodies.get(subject);
        } else {
            status = 404;
            body = "{\"error\":{\"code\":404,\"title\":\"Not Found\"}}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + keystone.getAddress().getPort());
    }

    private KeystoneTokenValidator validator(String serviceToken, Duration cache) {
        return new KeystoneTokenValidator(url(), serviceToken, cache, clock);
    }

    private static String tokenBody(String project, String user, String expires, String... roles) {
        StringBuilder r = new StringBuilder();
        for (String role : roles) {
            r.append(r.length() == 0 ? "" : ",")
                    .append("{\"id\":\"r-")
                    .append(role)
                    .append("\",\"name\":\"")
                    .append(role)
                    .append("\"}");
        }
        String projectPart = project == null ? "" : "\"project\":{\"id\":\"" + project + "\",\"name\":\"demo\"},";
        return "{\"token\":{\"methods\":[\"password\"],\"expires_at\":\"" + expires + "\"," + projectPart
                + "\"user\":{\"id\":\"" + user + "\",\"name\":\"alice\"},\"roles\":[" + r + "]}}";
    }

    @Test
    void aValidTokenGivesItsProjectUserAndRoles() {
        tokenBodies.put("user-tok", tokenBody("proj-1", "user-1", "2025-03-01T13:00:00.000000Z", "member", "reader"));

        assertThat(validator(SERVICE_TOKEN, Duration.ofSeconds(60)).validate("user-tok"))
                .contains(new Caller("proj-1", "user-1", Set.of("member", "reader"), false));
        assertThat(subjects).containsExactly("GET user-tok");
    }

    @Test
    void theAdminRoleMakesAnAdmin() {
        tokenBodies.put("admin-tok", tokenBody("proj-adm", "root", "2025-03-01T13:00:00Z", "admin"));

        assertThat(validator(SERVICE_TOKEN, Duration.ofSeconds(60)).validate("admin-tok"))
                .hasValueSatisfying(c -> assertThat(c.admin()).isTrue());
    }

    @Test
    void anUnknownTokenIsNotValid() {
        assertThat(validator(SERVICE_TOKEN, Duration.ofSeconds(60)).validate("nope"))
                .isEmpty();
    }

    @Test
    void aWrongServiceTokenMakesEveryTokenInvalid() {
        tokenBodies.put("user-tok", tokenBody("proj-1", "user-1", "2025-03-01T13:00:00Z", "member"));

        assertThat(validator("wrong", Duration.ofSeconds(60)).validate("user-tok"))
                .isEmpty();
    }

    @Test
    void aTokenScopedToNoProjectIsNotValid() {
        tokenBodies.put("unscoped", tokenBody(null, "user-1", "2025-03-01T13:00:00Z"));

        assertThat(validator(SERVICE_TOKEN, Duration.ofSeconds(60)).validate("unscoped"))
                .isEmpty();
    }

    @Test
    void anUnansweredValidationFailsRatherThanDecides() {
        forcedStatus = 503;
        KeystoneTokenValidator v = validator(SERVICE_TOKEN, Duration.ofSeconds(60));

        assertThatThrownBy(() -> v.validate("t"))
                .isInstanceOf(TokenValidationException.class)
                .hasMessageContaining("503");
        keystone.stop(0);
        assertThatThrownBy(() -> v.validate("t")).isInstanceOf(TokenValidationException.class);
    }

    @Test
    void validationsAreCachedForTheCacheTimeButNotPastTheTokensExpiry() {
        tokenBodies.put("short", tokenBody("p", "u", "2025-03-01T12:00:30Z", "member"));
        tokenBodies.put("long", tokenBody("p", "u", "2025-03-02T12:00:00Z", "member"));
        KeystoneTokenValidator v = validator(SERVICE_TOKEN, Duration.ofSeconds(60));

        v.validate("short");
        v.validate("long");
        v.validate("nope");
        v.validate("short");
        v.validate("long");
        v.validate("nope");
        assertThat(subjects).containsExactly("GET short", "GET long", "GET nope");

        clock.advance(Duration.ofSeconds(31)); // past the short token's expiry, within the cache time
        v.validate("short");
        v.validate("long");
        assertThat(subjects).containsExactly("GET short", "GET long", "GET nope", "GET short");

        clock.advance(Duration.ofSeconds(30)); // past the cache time
        tokenBodies.remove("long"); // revoked meanwhile
        assertThat(v.validate("long")).isEmpty();
        assertThat(subjects).hasSize(5);
    }

    @Test
    void aZeroCacheTimeAsksEveryTime() {
        tokenBodies.put("t", tokenBody("p", "u", "2025-03-02T12:00:00Z", "member"));
        KeystoneTokenValidator v = validator(SERVICE_TOKEN, Duration.ZERO);

        v.validate("t");
        v.validate("t");
        assertThat(subjects).hasSize(2);
    }

    @Test
    void acceptsAnAuthUrlEndingInV3() {
        assertThat(KeystoneTokenValidator.tokensUri(URI.create("http://k:5000/v3/")))
                .isEqualTo(URI.create("http://k:5000/v3/auth/tokens"));
        assertThat(KeystoneTokenValidator.tokensUri(URI.create("https://k/identity")))
                .isEqualTo(URI.create("https://k/identity/v3/auth/tokens"));
    }
}
