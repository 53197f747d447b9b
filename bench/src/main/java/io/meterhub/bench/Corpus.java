package io.meterhub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The real notifications, as ready-to-send oslo.messaging v2 envelopes. Each corpus line is serialized once with a
 * placeholder message_id (the corpus-only {@code _corpus_file} key dropped); {@link #message(long)} then splices in
 * a fresh UUID, so that every published notification is new to the hub's de-duplication.
 */
public final class Corpus {

    private static final String PLACEHOLDER = "00000000-bench-message-id-placeholder";

    /** One corpus notification: envelope bytes before and after the message id, and its routing key. */
    private record Template(byte[] head, byte[] tail, String routingKey) {}

    /** A notification ready to publish. */
    public record Message(String routingKey, byte[] body) {}

    private final List<Template> templates;

    private Corpus(List<Template> templates) {
        this.templates = List.copyOf(templates);
    }

    public static Corpus load(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Template> templates = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            ObjectNode inner = (ObjectNode) mapper.readTree(line);
            inner.remove("_corpus_file");
            inner.put("message_id", PLACEHOLDER);
            String priority = inner.path("priority").asText("info");
            ObjectNode envelope = mapper.createObjectNode();
            envelope.put("oslo.version", "2.0");
            envelope.put("oslo.message", mapper.writeValueAsString(inner));
            String json = mapper.writeValueAsString(envelope);
            int at = json.indexOf(PLACEHOLDER);
            templates.add(new Template(
                    json.substring(0, at).getBytes(StandardCharsets.UTF_8),
                    json.substring(at + PLACEHOLDER.length()).getBytes(StandardCharsets.UTF_8),
                    "notifications." + priority.toLowerCase(Locale.ROOT)));
        }
        if (templates.isEmpty()) {
            throw new IOException("no notifications in " + file);
        }
        return new Corpus(templates);
    }

    /** The i-th message: corpus line {@code i mod size}, with a fresh message id. */
    public Message message(long i) {
        Template t = templates.get((int) (i % templates.size()));
        byte[] id = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[t.head().length + id.length + t.tail().length];
        System.arraycopy(t.head(), 0, body, 0, t.head().length);
        System.arraycopy(id, 0, body, t.head().length, id.length);
        System.arraycopy(t.tail(), 0, body, t.head().length + id.length, t.tail().length);
        return new Message(t.routingKey(), body);
    }

    public int size() {
        return templates.size();
    }

    /** Mean envelope size in bytes. */
    public long meanBytes() {
        long total = 0;
        for (Template t : templates) {
            total += t.head().length + 36 + t.tail().length;
        }
        return total / templates.size();
    }
}
