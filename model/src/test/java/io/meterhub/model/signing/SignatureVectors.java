package io.meterhub.model.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The signature fixtures under {@code src/test/resources/signature}, read with meterhub's own mapper. */
final class SignatureVectors {

    /** One vector: a message as received, the secret, the text Ceilometer signs and its signature. */
    record Vector(String file, String name, String secret, JsonNode input, String canonical, String signature) {
        @Override
        public String toString() {
            return file + ": " + name;
        }
    }

    static final String GIVEN = "signature-test-vectors.json";
    static final String EXTRA = "extra-vectors.json";

    private SignatureVectors() {}

    static JsonNode read(String file) {
        try (InputStream in = SignatureVectors.class.getResourceAsStream("/signature/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /signature/" + file);
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Vector> vectors(String file) {
        List<Vector> out = new ArrayList<>();
        for (JsonNode v : read(file).get("vectors")) {
            out.add(new Vector(
                    file,
                    v.get("name").textValue(),
                    v.get("secret").textValue(),
                    v.get("input"),
                    v.get("canonical_string").textValue(),
                    v.get("expected_signature").textValue()));
        }
        return out;
    }

    static List<Vector> all() {
        List<Vector> out = new ArrayList<>(vectors(GIVEN));
        out.addAll(vectors(EXTRA));
        return out;
    }
}
