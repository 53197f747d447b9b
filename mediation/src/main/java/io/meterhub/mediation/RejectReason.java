package io.meterhub.mediation;

/** Why an input was refused; the code is what dead letters carry in their {@code reason} field. */
public enum RejectReason {
    OVERSIZED("oversized"),
    NOT_JSON("not-json"),
    NOT_AN_OBJECT("not-an-object"),
    UNSUPPORTED_ENVELOPE("unsupported-envelope"),
    OSLO_MESSAGE_NOT_JSON("oslo-message-not-json"),
    MISSING_EVENT_TYPE("missing-event-type"),
    BAD_EVENT_TYPE("bad-event-type"),
    BAD_PRIORITY("bad-priority"),
    MISSING_MESSAGE_ID("missing-message-id"),
    BAD_TIMESTAMP("bad-timestamp"),
    TRANSLATION_FAILED("translation-failed"),
    MALFORMED_PAYLOAD("malformed-payload"),
    MALFORMED_SAMPLE("malformed-sample"),
    MISSING_SIGNATURE("missing-signature"),
    BAD_SIGNATURE("bad-signature"),
    /** Agent keys are registered and a meter message carries no Ed25519 signature. */
    MISSING_ED25519_SIGNATURE("missing-agent-signature"),
    /** The Ed25519 signature names a key that is not registered. */
    UNKNOWN_AGENT_KEY("unknown-agent-key"),
    /** The Ed25519 signature does not match the meter message. */
    BAD_ED25519_SIGNATURE("bad-agent-signature");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    /** The stable code stored with the dead letter. */
    public String code() {
        return code;
    }
}
