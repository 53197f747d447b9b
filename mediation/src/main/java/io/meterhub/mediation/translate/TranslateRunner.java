package io.meterhub.mediation.translate;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.EnvelopeDecoder;
import io.meterhub.mediation.NotificationTranslator;
import io.meterhub.mediation.RejectedMessageException;
import io.meterhub.model.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The engine of {@code bin/meterhub translate}: reads oslo inner messages or envelopes as JSON lines, writes one JSON
 * line per sample, event or rejected input ({@link TranslationLines}). Blank lines are skipped.
 */
public final class TranslateRunner {

    /** Non-ASCII escaped (as Python's json.dumps does), so the output survives any console encoding. */
    /** ASCII, and infinities and NaN as Python's json.dumps writes them ({@code Infinity}, not a string). */
    private static final ObjectWriter ASCII = Json.mapper()
            .writer()
            .with(JsonWriteFeature.ESCAPE_NON_ASCII)
            .without(JsonWriteFeature.WRITE_NAN_AS_STRINGS);

    private final EnvelopeDecoder decoder;
    private final NotificationTranslator translator;

    public TranslateRunner(EnvelopeDecoder decoder, NotificationTranslator translator) {
        this.decoder = decoder;
        this.translator = translator;
    }

    /** What one run saw. */
    public record Counts(long inputs, long samples, long events, long errors) {}

    public Counts run(BufferedReader in, Writer out) throws IOException {
        long inputs = 0;
        long samples = 0;
        long events = 0;
        long errors = 0;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            inputs++;
            try {
                for (ObjectNode result : TranslationLines.of(
                        translator.translate(decoder.decode(line.getBytes(StandardCharsets.UTF_8))))) {
                    switch (result.get("kind").textValue()) {
                        case "sample" -> samples++;
                        case "event" -> events++;
                        default -> errors++;
                    }
                    write(out, result);
                }
            } catch (RejectedMessageException e) {
                errors++;
                write(out, TranslationLines.error(e));
            }
        }
        out.flush();
        return new Counts(inputs, samples, events, errors);
    }

    private static void write(Writer out, ObjectNode line) throws IOException {
        out.write(ASCII.writeValueAsString(line));
        out.write('\n');
    }
}
