package io.meterhub.routes;

import io.meterhub.mediation.EnvelopeDecoder;
import io.meterhub.mediation.NotificationTranslator;
import io.meterhub.mediation.RejectReason;
import io.meterhub.mediation.RejectedMessageException;
import io.meterhub.model.DeadLetter;
import io.meterhub.model.Notification;
import io.meterhub.model.Translation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Decodes and translates one raw notification. On success the body becomes the
 * {@link io.meterhub.model.Translation}; on refusal the body stays the original bytes, the
 * {@link HubNames#DEAD_LETTER_PROPERTY} property holds the {@link DeadLetter}, and the reason headers are set for
 * the dead-letter queue. It never throws for bad input.
 */
public final class IngestProcessor implements Processor {

    private final EnvelopeDecoder decoder;
    private final NotificationTranslator translator;
    private final Clock clock;

    public IngestProcessor(EnvelopeDecoder decoder, NotificationTranslator translator, Clock clock) {
        this.decoder = decoder;
        this.translator = translator;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        byte[] body = body(in);
        try {
            Notification n = decoder.decode(body);
            Translation t = translator.translate(n);
            in.setBody(t);
            if (!t.problems().isEmpty()) {
                exchange.setProperty(
                        HubNames.PARTIAL_DEAD_LETTER_PROPERTY,
                        new DeadLetter(
                                n.messageId(),
                                RejectReason.TRANSLATION_FAILED.code(),
                                "stored without part of it: " + String.join("; ", t.problems()),
                                origin(exchange),
                                clock.instant(),
                                body));
            }
        } catch (RejectedMessageException e) {
            reject(exchange, body, e.reason().code(), e.getMessage(), e.messageId());
        } catch (RuntimeException e) {
            reject(exchange, body, RejectReason.TRANSLATION_FAILED.code(), "unexpected error: " + e, null);
        }
    }

    private void reject(Exchange exchange, byte[] body, String reason, String detail, String messageId) {
        String origin = origin(exchange);
        String id = messageId != null ? messageId : "sha256:" + sha256(body);
        exchange.setProperty(
                HubNames.DEAD_LETTER_PROPERTY, new DeadLetter(id, reason, detail, origin, clock.instant(), body));
        Message m = exchange.getMessage();
        m.setHeader(HubNames.REASON_HEADER, reason);
        m.setHeader(HubNames.DETAIL_HEADER, detail);
        m.setBody(body);
    }

    private static String origin(Exchange exchange) {
        return exchange.getMessage().getHeader(HubNames.ORIGIN_HEADER, "unknown", String.class);
    }

    private static byte[] body(Message in) {
        Object raw = in.getBody();
        if (raw == null) {
            return new byte[0];
        }
        if (raw instanceof byte[] bytes) {
            return bytes;
        }
        if (raw instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        byte[] converted = in.getBody(byte[].class);
        return converted != null ? converted : String.valueOf(raw).getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
