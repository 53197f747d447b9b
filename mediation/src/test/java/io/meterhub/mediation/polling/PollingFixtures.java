package io.meterhub.mediation.polling;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.EnvelopeDecoder;
import io.meterhub.mediation.RejectedMessageException;
import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code telemetry.polling} notifications as Ceilometer 19's polling agent sent them (AMQP bodies in oslo's v2
 * envelope, samples signed with {@link #SECRET}); see {@code model/src/test/resources/signature/sign_with_ceilometer.py}.
 */
final class PollingFixtures {

    private static final JsonNode FIXTURE = read();

    static final String SECRET = FIXTURE.get("secret").textValue();

    private PollingFixtures() {}

    /** The AMQP body of the named notification. */
    static String body(String name) {
        for (JsonNode n : FIXTURE.get("notifications")) {
            if (n.get("name").textValue().equals(name)) {
                return n.get("body").textValue();
            }
        }
        throw new IllegalArgumentException("no polling fixture named " + name);
    }

    static Iterable<JsonNode> all() {
        return FIXTURE.get("notifications");
    }

    /** The body decoded as the hub decodes it. */
    static Notification decode(String body) {
        try {
            return new EnvelopeDecoder(1 << 20).decode(body.getBytes(StandardCharsets.UTF_8));
        } catch (RejectedMessageException e) {
            throw new IllegalStateException("fixture body does not decode", e);
        }
    }

    static Notification notification(String name) {
        return decode(body(name));
    }

    private static JsonNode read() {
        try (InputStream in = PollingFixtures.class.getResourceAsStream("/polling/polling-notifications.json")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /polling/polling-notifications.json");
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
