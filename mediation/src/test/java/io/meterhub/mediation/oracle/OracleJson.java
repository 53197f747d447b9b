package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * JSON as the oracle and the variations need it: reads what Python's {@code json} writes (including {@code NaN} and
 * {@code Infinity}, which a float trait can hold), writes notifications either as UTF-8 text or with every non-ASCII
 * character escaped.
 */
public final class OracleJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNumberLength(10_000)
                        .build());
    }

    private static final ObjectWriter ESCAPING =
            MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private OracleJson() {}

    static ObjectMapper mapper() {
        return MAPPER;
    }

    public static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + abbreviate(line, 200), e);
        }
    }

    static ObjectNode object(String line) {
        JsonNode node = parse(line);
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object: " + abbreviate(line, 200));
        }
        return (ObjectNode) node;
    }

    static String write(JsonNode node, boolean escapeNonAscii) {
        try {
            return escapeNonAscii ? ESCAPING.writeValueAsString(node) : MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
