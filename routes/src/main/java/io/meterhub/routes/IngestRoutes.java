package io.meterhub.routes;

import org.apache.camel.builder.RouteBuilder;

/**
 * The ingest pipeline and its consumers: the hub's RabbitMQ queue (when configured) and the embedded broker's AMQP
 * 1.0 queue both feed {@link HubNames#INGEST_ENDPOINT}, which decodes, translates, dead-letters what it refuses, and
 * stores — acknowledging each delivery only after its write is durable.
 */
public final class IngestRoutes extends RouteBuilder {

    private final String rabbitUri;
    private final String amqpUri;
    private final String deadLetterUri;
    private final Acknowledger acknowledger;

    /**
     * @param rabbitUri consumer of the hub's RabbitMQ queue, or null without RabbitMQ
     * @param amqpUri consumer of the embedded broker's ingest queue
     * @param deadLetterUri producer to the dead-letter queue
     */
    public IngestRoutes(String rabbitUri, String amqpUri, String deadLetterUri, Acknowledger acknowledger) {
        this.rabbitUri = rabbitUri;
        this.amqpUri = amqpUri;
        this.deadLetterUri = deadLetterUri;
        this.acknowledger = acknowledger;
    }

    @Override
    public void configure() {
        // a failure the pipeline could not turn into a dead letter (the broker or store unreachable): retry, then
        // return the delivery to its queue; the exception stays, so JMS consumers do not acknowledge either
        onException(Exception.class)
                .maximumRedeliveries(3)
                .redeliveryDelay(500)
                .logExhausted(true)
                .process(acknowledger::requeue);

        from(HubNames.INGEST_ENDPOINT)
                .routeId("ingest")
                .process(HubNames.INGEST_PROCESSOR_BEAN)
                .filter(exchangeProperty(HubNames.DEAD_LETTER_PROPERTY).isNotNull())
                .log(
                        org.apache.camel.LoggingLevel.WARN,
                        "io.meterhub.deadletters",
                        "dead letter from ${header." + HubNames.ORIGIN_HEADER + "}: ${header." + HubNames.REASON_HEADER
                                + "}: ${header." + HubNames.DETAIL_HEADER + "}")
                .to(deadLetterUri)
                .end()
                .process(HubNames.STORE_PROCESSOR_BEAN);

        if (rabbitUri != null) {
            from(rabbitUri)
                    .routeId(HubNames.RABBITMQ_ROUTE)
                    .process(acknowledger::register) // first: in the channel's delivery order
                    .setHeader(
                            HubNames.ORIGIN_HEADER,
                            simple("rabbitmq:${header.CamelSpringRabbitmqExchangeName}/"
                                    + "${header.CamelSpringRabbitmqRoutingKey}"))
                    .to(HubNames.INGEST_ENDPOINT);
        }

        from(amqpUri)
                .routeId("ingest-amqp")
                .setHeader(HubNames.ORIGIN_HEADER, constant("amqp:" + HubNames.AMQP_INGEST_QUEUE))
                .to(HubNames.INGEST_ENDPOINT);
    }
}
