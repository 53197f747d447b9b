package io.meterhub.mediation;

/** Thrown for input that cannot become samples or events; it carries what the dead letter records. */
public class RejectedMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final RejectReason reason;
    private final String messageId;

    public RejectedMessageException(RejectReason reason, String detail) {
        this(reason, detail, null, null);
    }

    public RejectedMessageException(RejectReason reason, String detail, String messageId, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
        this.messageId = messageId;
    }

    public RejectReason reason() {
        return reason;
    }

    /** The message id, when the input got far enough to have one; else null. */
    public String messageId() {
        return messageId;
    }
}
