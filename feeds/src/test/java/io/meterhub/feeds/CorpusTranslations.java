package io.meterhub.feeds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.EnvelopeDecoder;
import io.meterhub.mediation.MediationSettings;
import io.meterhub.mediation.NotificationTranslator;
import io.meterhub.mediation.RejectedMessageException;
import io.meterhub.mediation.Translators;
import io.meterhub.model.Json;
import io.meterhub.model.Translation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The real notifications of testdata/corpus, translated by the real mediation, as the store writer receives them. */
public final class CorpusTranslations {

    private static final NotificationTranslator TRANSLATOR = Translators.create(MediationSettings.defaults());
    private static final EnvelopeDecoder DECODER = new EnvelopeDecoder(2 * 1024 * 1024);
    private static final List<ObjectNode> CORPUS = read();

    private CorpusTranslations() {}

    /** Every corpus notification the hub stores (the few with unparsable timestamps are dead-lettered instead). */
    public static List<Translation> corpus() {
        List<Translation> out = new ArrayList<>();
        for (ObjectNode n : CORPUS) {
            translate(n.deepCopy(), out);
        }
        return out;
    }

    /** {@code n} stored notifications: the corpus cycled, each with a fresh message id. */
    static List<Translation> fresh(int n) {
        List<Translation> out = new ArrayList<>(n);
        for (int i = 0; out.size() < n; i++) {
            ObjectNode copy = CORPUS.get(i % CORPUS.size()).deepCopy();
            copy.put("message_id", UUID.randomUUID().toString());
            translate(copy, out);
        }
        return out;
    }

    private static void translate(ObjectNode inner, List<Translation> out) {
        try {
            out.add(TRANSLATOR.translate(DECODER.decode(inner.toString().getBytes(StandardCharsets.UTF_8))));
        } catch (RejectedMessageException e) {
            // malformed timestamps: the hub dead-letters these, they are not stored
        }
    }

    private static List<ObjectNode> read() {
        var in = Objects.requireNonNull(
                CorpusTranslations.class.getResourceAsStream("/corpus/notifications.jsonl"), "corpus");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines()
                    .filter(l -> !l.isBlank())
                    .map(CorpusTranslations::object)
                    .toList();
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
