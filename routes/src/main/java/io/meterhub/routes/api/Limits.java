package io.meterhub.routes.api;

import io.meterhub.routes.api.query.QueryValues;

/** The {@code limit} parameter of list endpoints, as Ceilometer's {@code enforce_limit} treats it. */
public final class Limits {

    private Limits() {}

    /**
     * @param defaultLimit used when the request sets none (option {@code api-limit})
     * @throws ApiException 400 "Limit must be positive" for zero or less, or when it is not a whole number
     */
    public static int of(QueryParams query, int defaultLimit) {
        String raw = query.last("limit").orElse(null);
        if (raw == null || raw.isEmpty()) {
            return defaultLimit;
        }
        int limit;
        try {
            limit = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(QueryValues.ceilometerInvalidInput("limit", raw, "unable to convert to int"));
        }
        if (limit <= 0) {
            throw ApiException.badRequest("Limit must be positive");
        }
        return limit;
    }
}
