package io.meterhub.model;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Iterator;
import java.util.Map;

/** The one Jackson configuration of meterhub: ISO-8601 instants, unknown properties ignored. */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static {
        // notifications are size-limited before parsing; allow their strings to be as long as the body
        MAPPER.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Integer.MAX_VALUE)
                        .build());
    }

    private Json() {}

    /** The shared, thread-safe mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Whether two JSON values are equal with their object fields in the same order, so that they serialize to the
     * same text or BSON ({@link JsonNode#equals} ignores that order); values shared between them compare at once.
     * Numbers are equal only in the same node class (an int and a long are not).
     */
    public static boolean sameInOrder(JsonNode a, JsonNode b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.getNodeType() != b.getNodeType() || a.size() != b.size()) {
            return false;
        }
        if (a.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> x = a.fields();
            Iterator<Map.Entry<String, JsonNode>> y = b.fields();
            while (x.hasNext()) {
                Map.Entry<String, JsonNode> e = x.next();
                Map.Entry<String, JsonNode> f = y.next();
                if (!e.getKey().equals(f.getKey()) || !sameInOrder(e.getValue(), f.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                if (!sameInOrder(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
