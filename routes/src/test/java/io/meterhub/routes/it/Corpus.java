package io.meterhub.routes.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The real notifications of testdata/corpus and what real Ceilometer 19 made of them. */
final class Corpus {

    /** The meters the first translator makes. */
    static final List<String> BUILT_IN_METERS = List.of(
            "memory",
            "vcpus",
            "disk.root.size",
            "disk.ephemeral.size",
            "compute.instance.booting.time",
            "volume.size",
            "image.size");

    private Corpus() {}

    static List<ObjectNode> notifications() {
        return lines("/corpus/notifications.jsonl").stream()
                .map(n -> (ObjectNode) n)
                .toList();
    }

    static List<JsonNode> expectedSamples() {
        return lines("/corpus/ceilometer-samples.jsonl");
    }

    static List<JsonNode> expectedEvents() {
        return lines("/corpus/ceilometer-events.jsonl");
    }

    /** The oslo v2 envelope around an inner message, as the messagingv2 driver sends it. */
    static byte[] v2(ObjectNode inner) {
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.put("oslo.version", "2.0");
        envelope.put("oslo.message", inner.toString());
        return envelope.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A copy of {@code inner} with a fresh message id. */
    static ObjectNode withFreshId(ObjectNode inner) {
        ObjectNode copy = inner.deepCopy();
        copy.put("message_id", UUID.randomUUID().toString());
        return copy;
    }

    /** oslo's routing key: {@code notifications.<priority>}. */
    static String routingKey(JsonNode inner) {
        return "notifications." + inner.path("priority").asText("INFO").toLowerCase(Locale.ROOT);
    }

    /**
     * The service exchange a notification is published to, as the emitting service's control_exchange names it.
     */
    static String service(JsonNode inner) {
        String et = inner.path("event_type").asText();
        String head = et.contains(".") ? et.substring(0, et.indexOf('.')) : et;
        return switch (head) {
            case "compute",
                    "scheduler",
                    "instance",
                    "aggregate",
                    "keypair",
                    "flavor",
                    "service",
                    "libvirt",
                    "servergroup",
                    "terminate_instance",
                    "rebuild_instance",
                    "rescue_instance",
                    "snapshot_instance" -> "nova";
            case "volume", "snapshot", "capacity", "backup", "consistencygroup", "group" -> "cinder";
            case "image",
                    "metadef_namespace",
                    "metadef_object",
                    "metadef_property",
                    "metadef_resource_type",
                    "metadef_tag" -> "glance";
            case "identity" -> "keystone";
            case "objectstore" -> "swift";
            case "dns" -> "designate";
            case "orchestration", "stack" -> "heat";
            case "telemetry", "metering" -> "ceilometer";
            case "trove" -> "trove";
            case "magnum" -> "magnum";
            case "baremetal" -> "ironic";
            case "share" -> "manila";
            default -> "neutron";
        };
    }

    private static List<JsonNode> lines(String resource) {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath (see testdata/)");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) {
                    out.add(Json.mapper().readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
