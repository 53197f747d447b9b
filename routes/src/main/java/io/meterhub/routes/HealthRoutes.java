package io.meterhub.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import io.meterhub.model.Json;
import io.meterhub.store.BatchingWriter;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.bson.Document;

/**
 * {@code GET /health}: 200 with the ingest counters when the store answers a ping, 503 when it does not. Other
 * methods get 405 from platform-http.
 */
public final class HealthRoutes extends RouteBuilder {

    private final MongoDatabase db;
    private final BatchingWriter writer;

    public HealthRoutes(MongoDatabase db, BatchingWriter writer) {
        this.db = db;
        this.writer = writer;
    }

    @Override
    public void configure() {
        from("platform-http:/health?httpMethodRestrict=GET")
                .routeId("http-health")
                .process(this::health);
    }

    private void health(Exchange exchange) {
        ObjectNode body = Json.mapper().createObjectNode();
        boolean storeUp;
        try {
            db.runCommand(new Document("ping", 1));
            storeUp = true;
        } catch (RuntimeException e) {
            storeUp = false;
            body.put("store_error", e.getMessage());
        }
        body.put("status", storeUp ? "UP" : "DOWN");
        body.put("store", storeUp ? "UP" : "DOWN");
        body.put("notifications_stored", writer.notificationsStored());
        body.put("dead_letters_stored", writer.deadLettersStored());
        body.put("duplicate_documents", writer.duplicateDocuments());
        body.put("batches_written", writer.batchesWritten());
        body.put("failed_writes", writer.failedWrites());
        body.put("queued", writer.queued());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, storeUp ? 200 : 503);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(body.toString());
    }
}
