package io.meterhub.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.EnvelopeDecoder;
import io.meterhub.mediation.MediationSettings;
import io.meterhub.mediation.NotificationTranslator;
import io.meterhub.mediation.RejectedMessageException;
import io.meterhub.mediation.Translators;
import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import io.meterhub.model.Translation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Real notifications of the corpus, translated by the real mediation, for store tests. */
public final class Fixtures {

    /** A nova compute.instance.create.end (memory, vcpus, disks, boot time; instance 9f9d01b9-...). */
    static final String INSTANCE_CREATE_END = "dae6f69c-00e0-41c0-b371-41ec3b7f4451";
    /** A glance image.upload (image.size; the metadata is the whole payload). */
    static final String IMAGE_UPLOAD = "fb4a266f-8cd3-55af-adc3-bc48bb1190fc";

    private static final NotificationTranslator TRANSLATOR = Translators.create(MediationSettings.defaults());
    private static final EnvelopeDecoder DECODER = new EnvelopeDecoder(2 * 1024 * 1024);
    private static final List<ObjectNode> CORPUS = read();

    private Fixtures() {}

    /** A copy of the corpus notification with this message id. */
    static ObjectNode notification(String messageId) {
        return CORPUS.stream()
                .filter(n -> n.path("message_id").asText().equals(messageId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no notification " + messageId))
                .deepCopy();
    }

    /** All corpus notifications, as copies. */
    public static List<ObjectNode> corpus() {
        return CORPUS.stream().map(ObjectNode::deepCopy).toList();
    }

    /** The corpus notification re-issued with a fresh message id at {@code timestamp}. */
    static ObjectNode reissued(String messageId, Instant timestamp) {
        ObjectNode n = notification(messageId);
        n.put("message_id", UUID.randomUUID().toString());
        n.put("timestamp", timestamp.toString());
        return n;
    }

    /** A nova notification that made nothing: no samples, no events. */
    public static Translation emptyTranslation(String messageId) {
        return new Translation(
                new Notification(
                        messageId,
                        "nova-compute",
                        "compute.instance.exists",
                        "INFO",
                        Instant.EPOCH,
                        Json.mapper().createObjectNode(),
                        Json.mapper().createObjectNode(),
                        Json.mapper().createObjectNode().put("message_id", messageId)),
                List.of(),
                List.of());
    }

    /** What the corpus translates to, leaving out its few malformed notifications, which make no documents. */
    public static List<Translation> translatedCorpus() {
        List<Translation> out = new ArrayList<>();
        for (ObjectNode inner : CORPUS) {
            try {
                out.add(translate(inner.deepCopy()));
            } catch (IllegalStateException refused) {
                // refused as the hub would refuse it: dead-lettered, no samples or events
            }
        }
        return out;
    }

    public static Translation translate(ObjectNode inner) {
        try {
            return TRANSLATOR.translate(DECODER.decode(inner.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (RejectedMessageException e) {
            throw new IllegalStateException(e.reason().code() + ": " + e.getMessage(), e);
        }
    }

    private static List<ObjectNode> read() {
        var in = Objects.requireNonNull(Fixtures.class.getResourceAsStream("/corpus/notifications.jsonl"));
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank()).map(Fixtures::object).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode object(String line) {
        try {
            return (ObjectNode) Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
