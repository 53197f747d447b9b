package io.meterhub.routes.api.v2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.RejectedMessageException;
import io.meterhub.mediation.polling.PollingSampleConverter;
import io.meterhub.model.Notification;
import io.meterhub.model.Sample;
import io.meterhub.model.Translation;
import io.meterhub.routes.api.ApiException;
import io.meterhub.store.BatchingWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code direct=True}: the samples go to the store's batching writer as one translation, without the pipeline
 * (Ceilometer's {@code record_metering_data}); the request completes once they are durably stored.
 */
public final class DirectSampleSink implements SampleSink {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BatchingWriter writer;
    private final PollingSampleConverter reader = new PollingSampleConverter(Optional.empty());

    public DirectSampleSink(BatchingWriter writer) {
        this.writer = writer;
    }

    @Override
    public void store(List<ObjectNode> meterMessages) {
        Notification n = ApiNotifications.of(meterMessages, Instant.now());
        List<Sample> samples;
        try {
            samples = reader.toSamples(n);
        } catch (RejectedMessageException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        try {
            writer.submit(new Translation(n, samples, List.of())).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted while storing the samples");
        } catch (ExecutionException | TimeoutException e) {
            throw new ApiException(503, "the samples could not be stored: " + e.getMessage());
        }
    }
}
