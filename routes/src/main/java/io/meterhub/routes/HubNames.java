package io.meterhub.routes;

/** Queue, endpoint, header and bean names of the hub, documented in one place. */
public final class HubNames {

    /** Default queue of refused input (option dead-queue), on RabbitMQ when configured, else on the embedded broker. */
    public static final String DEAD_QUEUE = "meterhub.dead";
    /** Queue the embedded broker's AMQP 1.0 clients send notifications to. */
    public static final String AMQP_INGEST_QUEUE = "meterhub.notifications";

    /** The ingest pipeline: body = raw notification bytes; completes once stored (or dead-lettered). */
    public static final String INGEST_ENDPOINT = "direct:meterhub-ingest";

    /** The route consuming the hub's RabbitMQ queue (present when {@code --rabbitmq} is set). */
    public static final String RABBITMQ_ROUTE = "ingest-rabbitmq";

    /** Header naming where a message came from, e.g. {@code rabbitmq:nova/notifications.info}. */
    public static final String ORIGIN_HEADER = "MeterhubOrigin";
    /** Header set on dead letters published to {@link #DEAD_QUEUE}: the reason code. */
    public static final String REASON_HEADER = "meterhub_reason";
    /** Header set on dead letters published to {@link #DEAD_QUEUE}: the explanation. */
    public static final String DETAIL_HEADER = "meterhub_detail";
    /** Exchange property holding the {@link io.meterhub.model.DeadLetter} of a refused message. */
    public static final String DEAD_LETTER_PROPERTY = "MeterhubDeadLetter";

    /**
     * Exchange property: the {@link io.meterhub.model.DeadLetter} recording what could not be made of a notification
     * whose other results are stored (its event failed, or its samples), written beside them.
     */
    public static final String PARTIAL_DEAD_LETTER_PROPERTY = "meterhub.partialDeadLetter";

    /** Bean names integrator routes can refer to. */
    public static final String TRANSLATOR_BEAN = "translator";

    public static final String DECODER_BEAN = "envelopeDecoder";
    public static final String WRITER_BEAN = "storeWriter";
    public static final String INGEST_PROCESSOR_BEAN = "ingestProcessor";
    public static final String STORE_PROCESSOR_BEAN = "storeProcessor";

    private HubNames() {}
}
