package io.meterhub.routes.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.meterhub.feeds.read.BadFeedRequestException;
import io.meterhub.model.Json;
import io.meterhub.routes.api.ApiException;
import io.meterhub.routes.api.ErrorBody;
import io.meterhub.routes.api.RequestBase;
import io.meterhub.routes.api.auth.Caller;
import io.meterhub.routes.api.auth.CallerAuthentication;
import io.meterhub.routes.api.auth.TokenValidationException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every request below {@code /feeds}: authenticates {@code X-Auth-Token} as the API does, finds the feed
 * ({@link FeedPath}; 404 otherwise), and hands {@code GET} to {@link FeedReading} and {@code POST} to
 * {@link FeedPosting}. Every error is the API's JSON error body with its status; never a stack trace.
 */
public final class FeedEndpoint implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(FeedEndpoint.class);

    private final CallerAuthentication auth;
    private final FeedReading reading;
    private final FeedPosting posting;

    FeedEndpoint(CallerAuthentication auth, FeedReading reading, FeedPosting posting) {
        this.auth = auth;
        this.reading = reading;
        this.posting = posting;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        FeedResponse response;
        try {
            response = handle(in);
        } catch (ApiException e) {
            response = error(e.status(), e.getMessage());
        } catch (BadFeedRequestException e) {
            response = error(400, e.getMessage());
        } catch (TokenValidationException e) {
            LOG.warn("cannot validate a token now: {}", e.getMessage());
            response = error(503, "The token cannot be validated now; try again later.");
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", in.getHeader(Exchange.HTTP_METHOD), in.getHeader(Exchange.HTTP_URI), e);
            response = error(500, "Internal Server Error");
        }
        write(in, response);
    }

    private FeedResponse handle(Message in) {
        Caller caller = auth.authenticate(in.getHeader(CallerAuthentication.HEADER, String.class));
        String uri = in.getHeader(Exchange.HTTP_URI, String.class);
        FeedPath path =
                FeedPath.parse(uri == null ? "" : uri).orElseThrow(() -> new ApiException(404, "No feed at " + uri));
        String feedUrl = FeedPath.feedUrl(RequestBase.of(in), path.feed());
        String method = in.getHeader(Exchange.HTTP_METHOD, String.class);
        if ("GET".equals(method)) {
            return path.entryId().isPresent()
                    ? reading.entry(path.feed(), feedUrl, path.entryId().get(), caller)
                    : reading.page(
                            path.feed(),
                            feedUrl,
                            RequestBase.of(in) + FeedRoutes.HUB_PATH,
                            in.getHeader(Exchange.HTTP_RAW_QUERY, String.class),
                            caller,
                            in.getHeader("If-None-Match", String.class));
        }
        if ("POST".equals(method) && path.entryId().isEmpty()) {
            byte[] body = in.getBody(byte[].class);
            return posting.post(
                    path.feed(),
                    feedUrl,
                    caller,
                    in.getHeader(Exchange.CONTENT_TYPE, String.class),
                    body == null ? new byte[0] : body);
        }
        throw new ApiException(405, "Method " + method + " is not allowed here");
    }

    private static FeedResponse error(int status, String message) {
        try {
            byte[] body = Json.mapper().writeValueAsBytes(ErrorBody.of(status, message));
            return new FeedResponse(status, "application/json", body, Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body that cannot be written", e);
        }
    }

    private static void write(Message out, FeedResponse response) {
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        if (response.contentType() != null) {
            out.setHeader(Exchange.CONTENT_TYPE, response.contentType());
        }
        response.headers().forEach(out::setHeader);
        out.setBody(response.body().length == 0 && response.status() == 304 ? null : response.body());
    }
}
