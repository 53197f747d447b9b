package io.meterhub.routes.api.query;

import io.meterhub.model.TraitType;
import io.meterhub.routes.api.ApiException;
import io.meterhub.store.query.EventFilter;
import io.meterhub.store.query.Op;
import io.meterhub.store.query.TraitFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ceilometer's event query ({@code v2/events.py _event_query_to_event_filter}) turned into an {@link EventFilter}:
 * {@code event_type} and {@code message_id} with {@code eq} only, {@code start_timestamp} with {@code ge} only,
 * {@code end_timestamp} with {@code le} only; any other field is a trait compared by any operator, its value of
 * {@code q.type} ({@code string} when not given; {@code integer}, {@code float}, {@code datetime}).
 */
public final class EventQueryConverter {

    private static final List<String> OPS = List.of("lt", "le", "eq", "ne", "ge", "gt");
    private static final Map<String, TraitType> TRAIT_TYPES = Map.of(
            "string", TraitType.TEXT,
            "integer", TraitType.INT,
            "float", TraitType.FLOAT,
            "datetime", TraitType.DATETIME);

    private EventQueryConverter() {}

    public static EventFilter convert(List<SimpleQuery> query) {
        String eventType = null;
        String messageId = null;
        Instant start = null;
        Instant end = null;
        List<TraitFilter> traits = new ArrayList<>();
        for (SimpleQuery q : query) {
            String op = q.opOrDefault();
            if (!OPS.contains(op)) {
                throw ApiException.badRequest(
                        QueryValues.ceilometerInvalidInput("op", op, "Value should be one of: eq, ge, gt, le, lt, ne"));
            }
            String field = q.field() == null ? "" : q.field();
            switch (field) {
                case "event_type", "message_id" -> {
                    only(op, "eq", field);
                    if (field.equals("event_type")) {
                        eventType = q.value();
                    } else {
                        messageId = q.value();
                    }
                }
                case "start_timestamp" -> {
                    only(op, "ge", field);
                    start = QueryValues.timestamp(field, q.value());
                }
                case "end_timestamp" -> {
                    only(op, "le", field);
                    end = QueryValues.timestamp(field, q.value());
                }
                default -> {
                    String type = q.type() == null ? "string" : q.type();
                    Object value = QueryValues.convert(q.value(), type, QueryValues.EVENT_TYPES);
                    traits.add(new TraitFilter(field, Op.parse(op).orElseThrow(), TRAIT_TYPES.get(type), value));
                }
            }
        }
        return new EventFilter(eventType, messageId, start, end, traits);
    }

    private static void only(String op, String allowed, String field) {
        if (!op.equals(allowed)) {
            throw ApiException.badRequest("Operator " + op + " is not supported. Only `" + allowed
                    + "' operator is available for field " + field);
        }
    }
}
