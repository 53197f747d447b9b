package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Changes how the notification travels. Mostly an oslo v2 envelope ({@code {"oslo.version": "2.0", "oslo.message":
 * "<inner message>"}}, what messagingv2 notifiers send), also envelopes of other versions and one holding the inner
 * message as an object; or a v1-style bare message as pre-oslo services sent it: no {@code _unique_id}, the old
 * context keys ({@code _context_tenant}, {@code _context_user}), a lower-case priority, no publisher_id, and the
 * RPC keys oslo.messaging strips off ({@code _msg_id}, {@code _reply_q}, {@code _timeout}).
 */
final class WireFormVariation implements Variation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String apply(Draft draft, Random random) {
        int choice = random.nextInt(20);
        if (choice < 9) {
            draft.envelope(NODES.textNode("2.0"), false);
            return "in an oslo v2 envelope";
        }
        if (choice < 12) {
            JsonNode version = List.<JsonNode>of(
                            NODES.textNode("2.1"),
                            NODES.textNode("1.0"),
                            NODES.textNode("3.0"),
                            NODES.textNode("2"),
                            NODES.textNode("02.0"),
                            NODES.numberNode(2.0))
                    .get(random.nextInt(6));
            draft.envelope(version, false);
            return "in an oslo envelope of version " + version;
        }
        if (choice == 12) {
            draft.envelope(NODES.textNode("2.0"), true);
            return "in an oslo v2 envelope holding the message as an object, not a string";
        }
        return v1(draft.message(), random);
    }

    private static String v1(ObjectNode m, Random random) {
        List<String> changes = new ArrayList<>();
        if (m.remove("_unique_id") != null) {
            changes.add("no _unique_id");
        }
        rename(m, "_context_project_id", "_context_tenant", changes);
        if (random.nextBoolean()) {
            rename(m, "_context_user_id", "_context_user", changes);
        }
        if (m.path("priority").isTextual()) {
            m.put("priority", m.get("priority").textValue().toLowerCase(java.util.Locale.ROOT));
            changes.add("lower-case priority");
        }
        if (random.nextInt(4) == 0 && m.remove("publisher_id") != null) {
            changes.add("no publisher_id");
        }
        if (random.nextInt(3) == 0) {
            m.put("_msg_id", "msg-" + random.nextInt(10_000));
            m.putNull("_reply_q");
            m.put("_timeout", 60);
            changes.add("RPC keys _msg_id, _reply_q, _timeout");
        }
        return "v1-style bare message: " + (changes.isEmpty() ? "as it was" : String.join(", ", changes));
    }

    private static void rename(ObjectNode m, String from, String to, List<String> changes) {
        JsonNode value = m.remove(from);
        if (value != null) {
            m.set(to, value);
            changes.add(from + " renamed " + to);
        }
    }
}
