package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;

/**
 * Makes the payload big: many user metadata keys (some in the reserved {@code metering.} namespace, some with dots,
 * values longer than Ceilometer's 256-character limit, non-text values), many extra payload fields (copied whole into
 * resource_metadata when a meter's own metadata comes out empty), a wide nested object, or a very long text value.
 */
final class BigPayloadVariation implements Variation {

    @Override
    public String apply(Draft draft, Random random) {
        ObjectNode payload = draft.payload();
        if (payload == null) {
            return null;
        }
        int n = 50 + random.nextInt(450);
        return switch (random.nextInt(4)) {
            case 0 -> userMetadata(payload, n, random);
            case 1 -> extraFields(payload, n, random);
            case 2 -> nested(payload, n, random);
            default -> longText(payload, random);
        };
    }

    private static String userMetadata(ObjectNode payload, int n, Random random) {
        ObjectNode metadata = payload.putObject("metadata");
        for (int i = 0; i < n; i++) {
            String key =
                    switch (i % 5) {
                        case 0 -> "metering.key" + i;
                        case 1 -> "metering.dotted.key." + i;
                        case 2 -> "plain_key_" + i;
                        case 3 -> "metering.host";
                        default -> "Metering.upper" + i;
                    };
            switch (random.nextInt(4)) {
                case 0 -> metadata.put(key, "v".repeat(250 + random.nextInt(20)));
                case 1 -> metadata.put(key, random.nextInt(1000));
                case 2 -> metadata.putObject(key).put("inner", i);
                default -> metadata.put(key, "value-" + i);
            }
        }
        return "payload.metadata replaced by " + metadata.size() + " keys (metering.*, dotted, long values)";
    }

    private static String extraFields(ObjectNode payload, int n, Random random) {
        for (int i = 0; i < n; i++) {
            payload.put("extra_field_" + i, random.nextBoolean() ? "x" + i : String.valueOf(random.nextInt()));
        }
        return "payload + " + n + " extra fields";
    }

    private static String nested(ObjectNode payload, int n, Random random) {
        ObjectNode meta = payload.putObject("image_meta");
        meta.put("base_image_ref", "image-" + random.nextInt(1000));
        for (int i = 0; i < n; i++) {
            meta.put("org.openstack__1__property_" + i, "p" + i);
        }
        return "payload.image_meta replaced by " + meta.size() + " keys with dots";
    }

    private static String longText(ObjectNode payload, Random random) {
        int length = 256 + random.nextInt(20_000);
        String field = random.nextBoolean() ? "display_name" : "state_description";
        payload.put(field, "L".repeat(length));
        return "payload." + field + " = " + length + " characters";
    }
}
