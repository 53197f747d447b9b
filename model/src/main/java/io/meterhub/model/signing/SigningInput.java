package io.meterhub.model.signing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text Ceilometer's {@code compute_signature} feeds to the HMAC, as the chunks it feeds: for each pair of
 * {@code recursive_keypairs(message)} except the one named {@code message_signature}, {@code str(name)} then
 * {@code str(value)}.
 *
 * <p>The walk sorts each object's keys (by code point) and descends into objects, naming children
 * {@code parent:child}; so the order is per level, not that of the joined names, and an empty object yields nothing.
 * An array is one pair whose value is Python's text of the list after {@code decode_unicode}. Only a top-level
 * {@code message_signature} is skipped: a nested one is named {@code parent:message_signature}, and the children of a
 * top-level object under that key are named {@code message_signature:child}; both are signed.
 */
final class SigningInput {

    private static final String SEPARATOR = ":";

    private SigningInput() {}

    /** Name and value chunks, alternating. */
    static List<String> chunks(JsonNode message) {
        if (message == null || !message.isObject()) {
            throw new IllegalArgumentException(
                    "a meter message is a JSON object, not " + (message == null ? "null" : message.getNodeType()));
        }
        List<String> chunks = new ArrayList<>(64);
        walk("", message, chunks);
        return chunks;
    }

    /** The chunks joined: the exact text signed, for tests and diagnosis. */
    static String text(JsonNode message) {
        return String.join("", chunks(message));
    }

    private static void walk(String prefix, JsonNode object, List<String> chunks) {
        for (Map.Entry<String, JsonNode> field : PythonText.sortedFields(object)) {
            String name = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                walk(name + SEPARATOR, value, chunks);
            } else if (!name.equals(MessageSigner.SIGNATURE_FIELD)) {
                chunks.add(name);
                chunks.add(value.isArray() ? PythonText.listRepr(value) : PythonText.str(value));
            }
        }
    }
}
