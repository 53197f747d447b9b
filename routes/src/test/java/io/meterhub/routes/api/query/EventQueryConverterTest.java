package io.meterhub.routes.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterhub.model.TraitType;
import io.meterhub.routes.api.ApiException;
import io.meterhub.routes.api.QueryParams;
import io.meterhub.routes.api.auth.Caller;
import io.meterhub.store.query.EventFilter;
import io.meterhub.store.query.Filter;
import io.meterhub.store.query.Op;
import io.meterhub.store.query.TraitFilter;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventQueryConverterTest {

    private static EventFilter convert(String query) {
        return EventQueryConverter.convert(SimpleQuery.from(QueryParams.parse(query)));
    }

    private static void rejects(String query, String message) {
        assertThatThrownBy(() -> convert(query))
                .isInstanceOf(ApiException.class)
                .hasMessage(message);
    }

    @Test
    void eventFieldsAndTypedTraits() {
        // pairing is by position: each condition states its op and type, empty for the default
        EventFilter f = convert("q.field=event_type&q.op=&q.type=&q.value=compute.instance.create.end"
                + "&q.field=message_id&q.op=eq&q.type=&q.value=m1"
                + "&q.field=start_timestamp&q.op=ge&q.type=&q.value=2012-05-08T00:00:00"
                + "&q.field=end_timestamp&q.op=le&q.type=&q.value=2012-05-09T00:00:00"
                + "&q.field=tenant_id&q.op=&q.type=&q.value=t1&q.field=memory_mb&q.op=gt&q.value=256&q.type=integer"
                + "&q.field=ratio&q.op=lt&q.value=0.5&q.type=float"
                + "&q.field=launched_at&q.op=ne&q.value=2012-05-08T20:23:47&q.type=datetime");

        assertThat(f)
                .isEqualTo(new EventFilter(
                        "compute.instance.create.end",
                        "m1",
                        Instant.parse("2012-05-08T00:00:00Z"),
                        Instant.parse("2012-05-09T00:00:00Z"),
                        List.of(
                                new TraitFilter("tenant_id", Op.EQ, TraitType.TEXT, "t1"),
                                new TraitFilter("memory_mb", Op.GT, TraitType.INT, 256L),
                                new TraitFilter("ratio", Op.LT, TraitType.FLOAT, 0.5),
                                new TraitFilter(
                                        "launched_at",
                                        Op.NE,
                                        TraitType.DATETIME,
                                        Instant.parse("2012-05-08T20:23:47Z")))));
    }

    @Test
    void eachFieldHasItsOneOperator() {
        rejects(
                "q.field=event_type&q.op=ne&q.value=x",
                "Operator ne is not supported. Only `eq' operator is available for field event_type");
        rejects(
                "q.field=message_id&q.op=gt&q.value=x",
                "Operator gt is not supported. Only `eq' operator is available for field message_id");
        rejects(
                "q.field=start_timestamp&q.op=gt&q.value=2012-01-01",
                "Operator gt is not supported. Only `ge' operator is available for field start_timestamp");
        rejects(
                "q.field=end_timestamp&q.value=2012-01-01",
                "Operator eq is not supported. Only `le' operator is available for field end_timestamp");
    }

    @Test
    void refusesBadOperatorsTypesAndValues() {
        rejects(
                "q.field=x&q.op=like&q.value=1",
                "Invalid input for field/attribute op. Value: 'like'. Value should be one of: eq, ge, gt, le, lt, ne");
        rejects(
                "q.field=x&q.value=1&q.type=boolean",
                "The data type boolean is not supported. The supported data type list is: "
                        + "['integer', 'float', 'string', 'datetime']");
        rejects(
                "q.field=x&q.value=one&q.type=integer",
                "Unable to convert the value one to the expected data type integer.");
        rejects(
                "q.field=start_timestamp&q.op=ge&q.value=monday",
                "Invalid input for field/attribute start_timestamp. Value: 'monday'. invalid timestamp format");
    }

    @Test
    void aProjectCallerOnlyEverSeesItsProject() {
        Caller member = Caller.of("p-a", "u", Set.of("member"));
        Caller admin = Caller.of("p-adm", "u", Set.of("admin"));
        Filter other = Filter.eq("project_id", "p-b");

        assertThat(ProjectScope.limit(member, other)).isEqualTo(Filter.and(Filter.eq("project_id", "p-a"), other));
        assertThat(ProjectScope.limit(admin, other)).isSameAs(other);
        assertThat(ProjectScope.limit(member, convert("q.field=project_id&q.value=p-b"))
                        .traits())
                .containsExactly(
                        new TraitFilter("project_id", Op.EQ, TraitType.TEXT, "p-b"),
                        new TraitFilter("project_id", Op.EQ, TraitType.TEXT, "p-a"));
        assertThat(ProjectScope.limit(admin, EventFilter.ALL)).isSameAs(EventFilter.ALL);
        assertThat(ProjectScope.allows(member, "p-a")).isTrue();
        assertThat(ProjectScope.allows(member, "p-b")).isFalse();
        assertThat(ProjectScope.allows(member, null)).isFalse();
        assertThat(ProjectScope.allows(admin, "p-b")).isTrue();
    }
}
