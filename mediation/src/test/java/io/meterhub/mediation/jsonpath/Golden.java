package io.meterhub.mediation.jsonpath;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.jsonpath.python.PyType;
import io.meterhub.model.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The golden file written by {@code jsonpath/generate_golden.py} from the real Python libraries, and the documents its
 * cases refer to: its own edge-case documents and the corpus notifications in oslo's listener form.
 */
public final class Golden {

    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static Golden instance;

    private final JsonNode root;
    private final Map<String, JsonNode> documents = new HashMap<>();

    private Golden() {
        try (InputStream in = resource("/jsonpath/golden.json")) {
            root = READER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        root.get("documents").fields().forEachRemaining(e -> documents.put(e.getKey(), e.getValue()));
        loadCorpus("/" + root.get("corpus").textValue());
    }

    /** The golden file, loaded once. */
    public static synchronized Golden load() {
        if (instance == null) {
            instance = new Golden();
        }
        return instance;
    }

    public JsonNode root() {
        return root;
    }

    /** A document by the id the golden cases use. */
    public JsonNode document(String id) {
        JsonNode doc = documents.get(id);
        if (doc == null) {
            throw new IllegalArgumentException("no document " + id);
        }
        return doc;
    }

    private void loadCorpus(String path) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource(path), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode message = Json.mapper().readTree(line);
                documents.put("corpus:" + message.get("message_id").textValue(), listenerForm(message));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Oslo's listener form of an inner message, as the generator (and Ceilometer's oracle) builds it. */
    static JsonNode listenerForm(JsonNode message) {
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode ctxt = body.putObject("ctxt");
        for (Iterator<Map.Entry<String, JsonNode>> it = message.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("_context_")) {
                ctxt.set(e.getKey().substring("_context_".length()), e.getValue());
            }
        }
        body.set(
                "publisher_id",
                message.path("publisher_id").isMissingNode() ? body.nullNode() : message.get("publisher_id"));
        body.set("event_type", message.get("event_type"));
        body.set("payload", message.path("payload").isMissingNode() ? body.nullNode() : message.get("payload"));
        ObjectNode metadata = body.putObject("metadata");
        metadata.set(
                "message_id", message.path("message_id").isMissingNode() ? body.nullNode() : message.get("message_id"));
        metadata.set(
                "timestamp", message.path("timestamp").isMissingNode() ? body.nullNode() : message.get("timestamp"));
        return body;
    }

    private static InputStream resource(String path) {
        InputStream in = Golden.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + path);
        }
        return in;
    }

    /**
     * Whether two values are the same Python value of the same type: an int is not a float, a bool is not an int,
     * floats compare bit for bit (NaN equals NaN), dict fields in the same order.
     */
    public static boolean samePythonValue(JsonNode a, JsonNode b) {
        PyType type = PyType.of(a);
        if (type != PyType.of(b)) {
            return false;
        }
        switch (type) {
            case NONE:
                return true;
            case BOOL:
                return a.booleanValue() == b.booleanValue();
            case INT:
                return a.bigIntegerValue().equals(b.bigIntegerValue());
            case FLOAT:
                return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
            case STR:
                return a.textValue().equals(b.textValue());
            case LIST:
                if (a.size() != b.size()) {
                    return false;
                }
                for (int i = 0; i < a.size(); i++) {
                    if (!samePythonValue(a.get(i), b.get(i))) {
                        return false;
                    }
                }
                return true;
            default:
                Iterator<Map.Entry<String, JsonNode>> x = a.fields();
                Iterator<Map.Entry<String, JsonNode>> y = b.fields();
                while (x.hasNext() && y.hasNext()) {
                    Map.Entry<String, JsonNode> ex = x.next();
                    Map.Entry<String, JsonNode> ey = y.next();
                    if (!ex.getKey().equals(ey.getKey()) || !samePythonValue(ex.getValue(), ey.getValue())) {
                        return false;
                    }
                }
                return !x.hasNext() && !y.hasNext();
        }
    }
}
