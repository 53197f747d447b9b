package io.meterhub.routes.api;

import com.mongodb.client.MongoDatabase;
import io.meterhub.routes.api.auth.CallerAuthentication;
import io.meterhub.routes.api.v1.DurationHandler;
import io.meterhub.routes.api.v1.UsageOwner;
import io.meterhub.routes.api.v1.VolumeHandler;
import io.meterhub.routes.api.v2.AdminOnly;
import io.meterhub.routes.api.v2.CapabilitiesHandler;
import io.meterhub.routes.api.v2.DirectSampleSink;
import io.meterhub.routes.api.v2.EventHandler;
import io.meterhub.routes.api.v2.EventTypesHandler;
import io.meterhub.routes.api.v2.EventsHandler;
import io.meterhub.routes.api.v2.MeterPostHandler;
import io.meterhub.routes.api.v2.MeterSamplesHandler;
import io.meterhub.routes.api.v2.MetersHandler;
import io.meterhub.routes.api.v2.PipelineSampleSink;
import io.meterhub.routes.api.v2.QuerySamplesHandler;
import io.meterhub.routes.api.v2.ResourceHandler;
import io.meterhub.routes.api.v2.ResourcesHandler;
import io.meterhub.routes.api.v2.SampleHandler;
import io.meterhub.routes.api.v2.SamplesHandler;
import io.meterhub.routes.api.v2.StatisticsHandler;
import io.meterhub.routes.api.v2.TraitTypesHandler;
import io.meterhub.routes.api.v2.TraitsHandler;
import io.meterhub.store.BatchingWriter;
import io.meterhub.store.query.AggregateFunction;
import io.meterhub.store.query.EventRepository;
import io.meterhub.store.query.MeterRepository;
import io.meterhub.store.query.ResourceRepository;
import io.meterhub.store.query.SampleRepository;
import io.meterhub.store.query.StatisticsSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;

/**
 * The Ceilometer-compatible API in Camel's REST DSL on platform-http: every endpoint of {@code /v2} and the v1 usage
 * summaries, each a route {@code direct:api-<id>} running its {@link ApiHandler} in an {@link ApiEndpoint}; the
 * OpenAPI document of them all at {@code /openapi.json}.
 */
public final class ApiRoutes extends RouteBuilder {

    /** Where the OpenAPI document is served. */
    public static final String OPENAPI_PATH = "/openapi.json";

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-z_]+)}");

    private final MongoDatabase db;
    private final BatchingWriter writer;
    private final StatisticsSource statistics;
    private final ApiSettings settings;

    public ApiRoutes(MongoDatabase db, BatchingWriter writer, StatisticsSource statistics, ApiSettings settings) {
        this.db = db;
        this.writer = writer;
        this.statistics = statistics;
        this.settings = settings;
    }

    @Override
    public void configure() {
        restConfiguration()
                .component("platform-http")
                .bindingMode(RestBindingMode.off)
                .apiContextPath(OPENAPI_PATH)
                .apiProperty("api.title", "meterhub: Ceilometer v2 API")
                .apiProperty("api.version", "2")
                .apiProperty(
                        "api.description",
                        "OpenStack metering: samples, meters, resources, statistics and events, as Ceilometer's v2 "
                                + "API serves them. Every request carries a token in X-Auth-Token.");
        SampleRepository samples = new SampleRepository(db);
        EventRepository events = new EventRepository(db);
        ResourceRepository resources = new ResourceRepository(db);
        int limit = settings.defaultLimit();

        RestDefinition v2 = rest("/v2").description("Ceilometer v2 API");
        get(
                v2,
                "/meters",
                "meters",
                ApiParam.QUERY,
                "Meters (resource and meter pairs) matching q",
                new MetersHandler(new MeterRepository(db), limit));
        get(
                v2,
                "/meters/{name}",
                "meter-samples",
                ApiParam.QUERY,
                "Samples of a meter (OldSample format)",
                new MeterSamplesHandler(samples, limit));
        post(
                v2,
                "/meters/{name}",
                "meter-post",
                List.of(ApiParam.DIRECT),
                "Post samples of a meter (direct=True: straight to the store)",
                new MeterPostHandler(
                        new PipelineSampleSink(getContext().createProducerTemplate(), settings.secret()),
                        new DirectSampleSink(writer),
                        settings.clock()));
        get(
                v2,
                "/meters/{name}/statistics",
                "meter-statistics",
                ApiParam.STATISTICS,
                "Statistics of a meter (period, groupby, aggregate)",
                new StatisticsHandler(statistics));
        get(v2, "/samples", "samples", ApiParam.QUERY, "Samples matching q", new SamplesHandler(samples, limit));
        get(v2, "/samples/{id}", "sample", List.of(), "One sample", new SampleHandler(samples));
        get(
                v2,
                "/resources",
                "resources",
                ApiParam.RESOURCES,
                "Resources matching q, with links",
                new ResourcesHandler(resources, limit));
        get(v2, "/resources/{id}", "resource", List.of(), "One resource, with links", new ResourceHandler(resources));
        get(v2, "/events", "events", ApiParam.QUERY, "Events matching q", new EventsHandler(events, limit));
        get(v2, "/events/{message_id}", "event", List.of(), "One event", new EventHandler(events));
        get(
                v2,
                "/event_types",
                "event-types",
                List.of(),
                "Event types (admin)",
                new AdminOnly(new EventTypesHandler(events)));
        get(
                v2,
                "/event_types/{event_type}/traits",
                "trait-types",
                List.of(),
                "Trait names and types of an event type (admin)",
                new AdminOnly(new TraitTypesHandler(events)));
        get(
                v2,
                "/event_types/{event_type}/traits/{trait_name}",
                "traits",
                List.of(),
                "Values of a trait of an event type (admin)",
                new AdminOnly(new TraitsHandler(events)));
        post(
                v2,
                "/query/samples",
                "query-samples",
                List.of(),
                "Complex query of samples (filter, orderby, limit)",
                new QuerySamplesHandler(samples, limit));
        get(
                v2,
                "/capabilities",
                "capabilities",
                List.of(),
                "What this API supports",
                new CapabilitiesHandler(settings.productionReady()));

        RestDefinition v1 = rest("/v1").description("Ceilometer v1 usage summaries");
        for (UsageOwner owner : UsageOwner.values()) {
            String base = "/" + owner.name().toLowerCase(Locale.ROOT) + "/{" + owner.pathParam() + "}/meters/{meter}";
            for (AggregateFunction f : List.of(AggregateFunction.SUM, AggregateFunction.MAX)) {
                get(
                        v1,
                        base + "/volume/" + f.wireName(),
                        "v1-" + owner.pathParam() + "-volume-" + f.wireName(),
                        ApiParam.USAGE,
                        "The " + f.wireName() + " of a meter's volume for a " + owner.pathParam(),
                        new VolumeHandler(statistics, owner, f));
            }
        }
        get(
                v1,
                "/resources/{resource}/meters/{meter}/duration",
                "v1-resource-duration",
                ApiParam.USAGE,
                "First and last sample of a meter on a resource, and the seconds between",
                new DurationHandler(statistics));
    }

    private void get(
            RestDefinition rest, String path, String id, List<ApiParam> query, String description, ApiHandler handler) {
        endpoint(rest.get(path), path, id, query, description, handler);
    }

    private void post(
            RestDefinition rest, String path, String id, List<ApiParam> query, String description, ApiHandler handler) {
        endpoint(rest.post(path), path, id, query, description, handler);
    }

    /** One endpoint: its documentation (token header, path and query parameters) and its handler route. */
    private void endpoint(
            RestDefinition verb, String path, String id, List<ApiParam> query, String description, ApiHandler handler) {
        List<String> params = new ArrayList<>();
        Matcher m = PATH_PARAM.matcher(path);
        while (m.find()) {
            params.add(m.group(1));
        }
        String direct = "direct:api-" + id;
        verb.id("api-" + id).description(description).produces("application/json");
        verb.param()
                .name(CallerAuthentication.HEADER)
                .type(RestParamType.header)
                .required(true)
                .description("the caller's token")
                .endParam();
        for (String p : params) {
            verb.param().name(p).type(RestParamType.path).required(true).endParam();
        }
        for (ApiParam p : query) {
            verb.param()
                    .name(p.wireName())
                    .type(p.type())
                    .required(false)
                    .description(p.description())
                    .endParam();
        }
        verb.to(direct);
        from(direct).routeId("api-" + id + "-handler").process(new ApiEndpoint(settings.tokens(), params, handler));
    }
}
