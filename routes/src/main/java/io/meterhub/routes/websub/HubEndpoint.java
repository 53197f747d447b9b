package io.meterhub.routes.websub;

import io.meterhub.routes.api.ApiException;
import io.meterhub.routes.api.auth.Caller;
import io.meterhub.routes.api.auth.CallerAuthentication;
import io.meterhub.routes.api.auth.TokenValidationException;
import io.meterhub.routes.api.auth.TokenValidator;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * {@code POST /hub}: authenticates {@code X-Auth-Token} as the feeds do (the caller's project limits what is pushed),
 * reads the request ({@link SubscriptionRequest}; 400 with a plain reason), answers 202 and verifies the intent
 * afterwards ({@link IntentVerifier}).
 */
final class HubEndpoint implements Processor {

    private final CallerAuthentication auth;
    private final IntentVerifier verifier;
    private final WebSubSettings settings;

    HubEndpoint(TokenValidator tokens, IntentVerifier verifier, WebSubSettings settings) {
        this.auth = new CallerAuthentication(tokens);
        this.verifier = verifier;
        this.settings = settings;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        int status;
        String reason;
        try {
            Caller caller = auth.authenticate(in.getHeader(CallerAuthentication.HEADER, String.class));
            String type = in.getHeader(Exchange.CONTENT_TYPE, String.class);
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                throw new BadSubscriptionException("the body must be application/x-www-form-urlencoded");
            }
            Subscription s = SubscriptionRequest.parse(form(in.getBody()), caller.limitedToProject(), settings);
            verifier.verifyLater(s);
            status = 202;
            reason = "Accepted: the hub verifies the intent with the callback now";
        } catch (BadSubscriptionException e) {
            status = 400;
            reason = e.getMessage();
        } catch (ApiException e) {
            status = e.status();
            reason = e.getMessage();
        } catch (TokenValidationException e) {
            status = 503;
            reason = "The token cannot be validated now; try again later.";
        }
        in.getHeaders().clear();
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        in.setHeader(Exchange.CONTENT_TYPE, "text/plain;charset=utf-8");
        in.setBody(reason + "\n");
    }

    /**
     * The form's fields: platform-http hands a form-encoded body over already decoded, as a map (a list for a
     * repeated field); other transports leave it as text.
     */
    private static Map<String, String> form(Object body) {
        if (!(body instanceof Map<?, ?> map)) {
            return SubscriptionRequest.decode(body == null ? null : body.toString());
        }
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Collection<?> c) {
                if (c.size() != 1) {
                    throw new BadSubscriptionException(e.getKey() + " is given twice");
                }
                v = c.iterator().next();
            }
            out.put(String.valueOf(e.getKey()), v == null ? "" : String.valueOf(v));
        }
        return out;
    }
}
