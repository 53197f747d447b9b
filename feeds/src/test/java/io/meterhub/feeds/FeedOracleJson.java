package io.meterhub.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads the JSON arrays stored in entries, for tests. */
final class FeedOracleJson {

    private FeedOracleJson() {}

    static JsonNode first(String jsonArray) {
        try {
            return Json.mapper().readTree(jsonArray).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
