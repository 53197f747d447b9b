package io.meterhub.routes.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP to the hub's API, as a client of Ceilometer's would send it. */
final class ApiClient {

    record Reply(int status, String contentType, String text) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Reply get(String pathAndQuery, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET(), token);
    }

    Reply post(String pathAndQuery, String token, String json) {
        return send(
                HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
                token);
    }

    private Reply send(HttpRequest.Builder b, String token) {
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        try {
            HttpResponse<String> r =
                    http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
