package io.meterhub.routes.api.v2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.signature.MessageSigner;
import io.meterhub.model.DeadLetter;
import io.meterhub.model.Json;
import io.meterhub.routes.HubNames;
import io.meterhub.routes.api.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Without {@code direct}: the samples travel the hub's ingest pipeline ({@link HubNames#INGEST_ENDPOINT}) as a
 * polling-agent notification, signed with the telemetry secret when the hub has one, so they are decoded,
 * verified, translated, de-duplicated and stored like every sample (Ceilometer publishes them to its notification
 * bus). The request completes once they are stored; a notification the pipeline refuses is a 400 naming the reason.
 */
public final class PipelineSampleSink implements SampleSink {

    private final ProducerTemplate producer;
    private final Optional<String> secret;

    public PipelineSampleSink(ProducerTemplate producer, Optional<String> secret) {
        this.producer = producer;
        this.secret = secret;
    }

    @Override
    public void store(List<ObjectNode> meterMessages) {
        secret.ifPresent(
                s -> meterMessages.forEach(m -> m.put(MessageSigner.SIGNATURE_FIELD, MessageSigner.compute(m, s))));
        byte[] body;
        try {
            body = Json.mapper().writeValueAsBytes(ApiNotifications.message(meterMessages, Instant.now()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Exchange done = producer.send(HubNames.INGEST_ENDPOINT, ex -> {
            ex.getMessage().setBody(body);
            ex.getMessage().setHeader(HubNames.ORIGIN_HEADER, "api:POST /v2/meters");
        });
        if (done.getException() != null) {
            throw new ApiException(
                    503,
                    "the samples could not be stored: " + done.getException().getMessage());
        }
        DeadLetter dead = done.getProperty(HubNames.DEAD_LETTER_PROPERTY, DeadLetter.class);
        if (dead != null) {
            throw ApiException.badRequest("the samples were refused (" + dead.reason() + "): " + dead.detail());
        }
    }
}
