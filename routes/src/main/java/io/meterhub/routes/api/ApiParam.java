package io.meterhub.routes.api;

import java.util.List;
import org.apache.camel.model.rest.RestParamType;

/** A documented request parameter of the API, for the OpenAPI document. */
enum ApiParam {
    Q_FIELD("q.field", "field of a condition (repeatable; paired with q.op, q.value, q.type by position)"),
    Q_OP("q.op", "operator of a condition: lt, le, eq, ne, ge, gt (default eq)"),
    Q_VALUE("q.value", "value of a condition"),
    Q_TYPE("q.type", "type of the value: integer, float, string, boolean, datetime (default: guessed)"),
    LIMIT("limit", "most results to return (default: the hub's api-limit)"),
    PERIOD("period", "period length in seconds; absent or 0: one period"),
    GROUPBY("groupby", "user_id, project_id, resource_id, source or resource_metadata.<key> (repeatable)"),
    AGGREGATE_FUNC("aggregate.func", "min, max, avg, sum, count, stddev or cardinality (repeatable)"),
    AGGREGATE_PARAM("aggregate.param", "the field cardinality counts: resource_id, project_id or user_id"),
    METER_LINKS("meter_links", "0 to leave out the links to the resource's meters"),
    DIRECT("direct", "True: store the samples directly instead of through the ingest pipeline"),
    START_TIMESTAMP("start_timestamp", "only samples at or after this time (ISO 8601)"),
    END_TIMESTAMP("end_timestamp", "only samples before this time (ISO 8601)"),
    SEARCH_OFFSET("search_offset", "minutes to widen the time range by on both sides");

    static final List<ApiParam> QUERY = List.of(Q_FIELD, Q_OP, Q_VALUE, Q_TYPE, LIMIT);
    static final List<ApiParam> STATISTICS =
            List.of(Q_FIELD, Q_OP, Q_VALUE, Q_TYPE, PERIOD, GROUPBY, AGGREGATE_FUNC, AGGREGATE_PARAM);
    static final List<ApiParam> RESOURCES = List.of(Q_FIELD, Q_OP, Q_VALUE, Q_TYPE, LIMIT, METER_LINKS);
    static final List<ApiParam> USAGE = List.of(START_TIMESTAMP, END_TIMESTAMP, SEARCH_OFFSET);

    private final String wireName;
    private final String description;

    ApiParam(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    String wireName() {
        return wireName;
    }

    String description() {
        return description;
    }

    RestParamType type() {
        return RestParamType.query;
    }
}
