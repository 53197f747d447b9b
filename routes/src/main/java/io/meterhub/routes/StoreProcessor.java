package io.meterhub.routes;

import io.meterhub.model.DeadLetter;
import io.meterhub.model.Translation;
import io.meterhub.store.BatchingWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * Hands the exchange's translation (or dead letter) to the batching writer and completes the exchange only when
 * it is durably stored: then the delivery is acknowledged. The consumer thread is free meanwhile, so many
 * notifications share one store round trip.
 */
public final class StoreProcessor extends AsyncProcessorSupport {

    private final BatchingWriter writer;
    private final Acknowledger acknowledger;
    private final Executor completions;

    /** @param completions runs acknowledgements and exchange completion off the writer's thread */
    public StoreProcessor(BatchingWriter writer, Acknowledger acknowledger, Executor completions) {
        this.writer = writer;
        this.acknowledger = acknowledger;
        this.completions = completions;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        DeadLetter dead = exchange.getProperty(HubNames.DEAD_LETTER_PROPERTY, DeadLetter.class);
        CompletableFuture<Void> stored;
        if (dead != null) {
            stored = writer.submit(dead);
        } else {
            Translation t = exchange.getMessage().getBody(Translation.class);
            if (t == null) {
                exchange.setException(new IllegalStateException("expected a Translation body, got "
                        + exchange.getMessage().getBody()));
                callback.done(true);
                return true;
            }
            DeadLetter partial = exchange.getProperty(HubNames.PARTIAL_DEAD_LETTER_PROPERTY, DeadLetter.class);
            stored = partial == null ? writer.submit(t) : writer.submit(t, partial);
        }
        stored.whenCompleteAsync(
                (ok, error) -> {
                    if (error == null) {
                        acknowledger.ack(exchange);
                    } else {
                        exchange.setException(error);
                    }
                    callback.done(false);
                },
                completions);
        return false;
    }
}
