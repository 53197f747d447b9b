package io.meterhub.mediation.oracle;

/**
 * One way an actual translation differs from the expected one.
 *
 * @param kind what differs
 * @param notificationId the input notification's {@code message_id}
 * @param detail the expected and actual values, readable
 */
public record Difference(Kind kind, String notificationId, String detail) {

    /** What differs, from the expected side's point of view. */
    public enum Kind {
        /** A sample expected and not made. */
        SAMPLE_MISSING,
        /** A sample made and not expected. */
        SAMPLE_EXTRA,
        /** One expected and one made sample of the same meter that differ in some field. */
        SAMPLE_DIFFERS,
        /** Samples alike but for their resource_metadata. */
        SAMPLE_METADATA,
        /** An event expected and not made. */
        EVENT_MISSING,
        /** An event made and not expected. */
        EVENT_EXTRA,
        /** The expected and the made event of a notification differ. */
        EVENT_DIFFERS,
        /** One side reports an error for the notification, the other makes nothing of it and says nothing. */
        ERROR_VS_NO_OUTPUT,
        /** One side reports an error for the notification, the other makes samples or events of it. */
        ERROR_VS_OUTPUT
    }
}
