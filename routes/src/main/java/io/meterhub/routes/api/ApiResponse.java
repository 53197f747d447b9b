package io.meterhub.routes.api;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON answer and its status. */
public record ApiResponse(int status, JsonNode body) {

    public static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body);
    }
}
