package io.meterhub.routes.api;

/**
 * A request the API answers with an error status and Ceilometer's error body ({@link ErrorBody}). The message is the
 * {@code faultstring} the client sees, so it never carries a stack trace or internal detail.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public ApiException(int status, String faultstring) {
        super(faultstring);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
    }

    /** 400: the request itself is wrong (a bad query, a bad body). */
    public static ApiException badRequest(String faultstring) {
        return new ApiException(400, faultstring);
    }

    /** 401: no credential, or one that is not valid. */
    public static ApiException unauthorized(String faultstring) {
        return new ApiException(401, faultstring);
    }

    /** 403: a valid credential that does not allow this request. */
    public static ApiException forbidden(String faultstring) {
        return new ApiException(403, faultstring);
    }

    /** 404 with Ceilometer's wording: {@code "<entity> <id> Not Found"}. */
    public static ApiException notFound(String entity, String id) {
        return new ApiException(404, entity + " " + id + " Not Found");
    }

    public int status() {
        return status;
    }
}
