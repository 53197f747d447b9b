package io.meterhub.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * The encoding of the JSON value encoded last, reused while the next value is the same field for field in the same
 * order ({@link Json#sameInOrder}), which encodes to the same text or bytes: a notification's samples mostly carry the
 * same metadata (by default a copy of its payload, a few KB). Not thread-safe: one per notification's encoding.
 *
 * @param <T> what a value encodes to
 */
public final class LastEncoding<T> {

    private final Function<JsonNode, T> encode;
    private boolean encoded;
    private JsonNode last;
    private T encoding;

    public LastEncoding(Function<JsonNode, T> encode) {
        this.encode = encode;
    }

    /** The encoding of {@code value}: the last one when {@code value} is the same as the last, else a new one. */
    public T of(JsonNode value) {
        if (!encoded || !Json.sameInOrder(value, last)) {
            encoding = encode.apply(value);
            last = value;
            encoded = true;
        }
        return encoding;
    }
}
