package io.meterhub.routes.api.v2;

import io.meterhub.routes.api.ApiException;
import io.meterhub.routes.api.ApiHandler;
import io.meterhub.routes.api.ApiRequest;
import io.meterhub.routes.api.ApiResponse;
import io.meterhub.routes.api.query.QueryValues;
import java.time.Clock;

/**
 * {@code POST /v2/meters/<name>}: stores the posted samples ({@link PostedSamples}) — through the pipeline, or with
 * {@code direct=True} straight to the store — and answers 201 with them as stored (ids, source, times set).
 */
public final class MeterPostHandler implements ApiHandler {

    private final SampleSink pipeline;
    private final SampleSink direct;
    private final Clock clock;

    public MeterPostHandler(SampleSink pipeline, SampleSink direct, Clock clock) {
        this.pipeline = pipeline;
        this.direct = direct;
        this.clock = clock;
    }

    @Override
    public ApiResponse handle(ApiRequest r) {
        boolean isDirect = direct(r.query().last("direct").orElse(""));
        PostedSamples posted = PostedSamples.read(r.body(), r.path("name"), r.caller(), clock.instant());
        (isDirect ? direct : pipeline).store(posted.messages());
        return new ApiResponse(201, posted.echo());
    }

    /** {@code strutils.bool_from_string(direct)}: anything but a true spelling is false. */
    private static boolean direct(String raw) {
        if (raw.isEmpty()) {
            return false;
        }
        try {
            Object v = QueryValues.convert(raw, "boolean", QueryValues.TYPES);
            return Boolean.TRUE.equals(v);
        } catch (ApiException e) {
            return false;
        }
    }
}
