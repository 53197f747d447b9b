package io.meterhub.routes.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.model.Json;
import io.meterhub.routes.api.auth.Caller;
import io.meterhub.routes.api.auth.CallerAuthentication;
import io.meterhub.routes.api.auth.TokenValidationException;
import io.meterhub.routes.api.auth.TokenValidator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link ApiHandler} for an HTTP exchange: authenticates {@code X-Auth-Token} (401 when missing or not
 * valid, 503 when it cannot be validated now), hands the handler an {@link ApiRequest}, and writes its JSON answer —
 * or, for any failure, Ceilometer's {@link ErrorBody} with the status; never a stack trace.
 */
public final class ApiEndpoint implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ApiEndpoint.class);

    private final CallerAuthentication auth;
    private final ApiHandler handler;
    private final List<String> pathParams;

    /** @param pathParams the names of the route's path parameters */
    public ApiEndpoint(TokenValidator tokens, List<String> pathParams, ApiHandler handler) {
        this.auth = new CallerAuthentication(tokens);
        this.pathParams = List.copyOf(pathParams);
        this.handler = handler;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        ApiResponse response;
        try {
            Caller caller = auth.authenticate(in.getHeader(CallerAuthentication.HEADER, String.class));
            response = handler.handle(request(caller, in));
        } catch (ApiException e) {
            response = new ApiResponse(e.status(), ErrorBody.of(e));
        } catch (TokenValidationException e) {
            LOG.warn("cannot validate a token now: {}", e.getMessage());
            response = new ApiResponse(503, ErrorBody.of(503, "The token cannot be validated now; try again later."));
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", in.getHeader(Exchange.HTTP_METHOD), in.getHeader(Exchange.HTTP_URI), e);
            response = new ApiResponse(500, ErrorBody.of(500, "Internal Server Error"));
        }
        write(in, response);
    }

    private ApiRequest request(Caller caller, Message in) {
        Map<String, String> path = new HashMap<>();
        for (String p : pathParams) {
            path.put(p, in.getHeader(p, String.class));
        }
        byte[] body = in.getBody(byte[].class);
        return new ApiRequest(
                caller,
                path,
                QueryParams.parse(in.getHeader(Exchange.HTTP_QUERY, String.class)),
                body == null ? new byte[0] : body,
                RequestBase.of(in));
    }

    private static void write(Message out, ApiResponse response) {
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setBody(json(response.body()));
    }

    private static String json(JsonNode body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }
}
