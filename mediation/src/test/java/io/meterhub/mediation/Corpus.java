package io.meterhub.mediation;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** The real notifications of the test corpus ({@code /corpus/notifications.jsonl}). */
public final class Corpus {

    private static final EnvelopeDecoder DECODER = new EnvelopeDecoder(2 * 1024 * 1024);

    private Corpus() {}

    public static List<String> lines() {
        var in = Objects.requireNonNull(Corpus.class.getResourceAsStream("/corpus/notifications.jsonl"));
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The corpus line of that message id. */
    public static String line(String messageId) {
        return lines().stream()
                .filter(l -> json(l).path("message_id").asText().equals(messageId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no notification " + messageId + " in the corpus"));
    }

    /** The first corpus line of that event type. */
    public static String firstOf(String eventType) {
        return lines().stream()
                .filter(l -> json(l).path("event_type").asText().equals(eventType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + eventType + " in the corpus"));
    }

    public static Notification decode(String line) {
        try {
            return DECODER.decode(line.getBytes(StandardCharsets.UTF_8));
        } catch (RejectedMessageException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static JsonNode json(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
