package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A notification being varied: its inner message and how it is put on the wire. */
final class Draft {

    private final ObjectNode message;
    /** Null: the bare inner message (oslo v1); else inside an oslo envelope of this {@code oslo.version}. */
    private JsonNode envelopeVersion;
    /** Whether the envelope holds the inner message as an object rather than as a JSON string. */
    private boolean messageAsObject;

    private boolean escapeNonAscii;

    Draft(ObjectNode message) {
        this.message = message;
    }

    ObjectNode message() {
        return message;
    }

    /** The payload when it is an object, else null. */
    ObjectNode payload() {
        return message.get("payload") instanceof ObjectNode p ? p : null;
    }

    void envelope(JsonNode version, boolean asObject) {
        this.envelopeVersion = version;
        this.messageAsObject = asObject;
    }

    void escapeNonAscii() {
        this.escapeNonAscii = true;
    }

    String line() {
        if (envelopeVersion == null) {
            return OracleJson.write(message, escapeNonAscii);
        }
        ObjectNode envelope = OracleJson.mapper().createObjectNode();
        envelope.set("oslo.version", envelopeVersion);
        if (messageAsObject) {
            envelope.set("oslo.message", message);
        } else {
            envelope.put("oslo.message", OracleJson.write(message, escapeNonAscii));
        }
        return OracleJson.write(envelope, escapeNonAscii);
    }
}
