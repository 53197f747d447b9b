package io.meterhub.routes.api.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.store.query.MeterSummary;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Ceilometer's {@code Meter} of {@code /v2/meters}. */
public final class MeterJson {

    private MeterJson() {}

    public static ObjectNode of(MeterSummary m) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("name", m.name());
        o.put("type", m.type());
        o.put("unit", m.unit());
        o.put("resource_id", m.resourceId());
        o.put("project_id", m.projectId());
        o.put("user_id", m.userId());
        o.put("source", m.source());
        o.put("meter_id", meterId(m.resourceId(), m.name()));
        return o;
    }

    /** {@code base64.b64encode("<resource_id>+<name>")}, as Ceilometer's {@code Meter.__init__} makes it. */
    public static String meterId(String resourceId, String name) {
        return Base64.getEncoder().encodeToString((resourceId + "+" + name).getBytes(StandardCharsets.UTF_8));
    }
}
