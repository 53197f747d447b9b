package io.meterhub.routes.api.query;

import io.meterhub.model.TraitType;
import io.meterhub.routes.api.auth.Caller;
import io.meterhub.store.query.EventFilter;
import io.meterhub.store.query.Filter;
import io.meterhub.store.query.Op;
import io.meterhub.store.query.TraitFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that limits what a caller sees to its project. Every query of a caller who is not an admin is AND-ed
 * with {@code project_id = <its project>} (events: with a {@code project_id} trait equal to it), whatever else the
 * query says — so a query naming another project finds nothing, and an id of another project's sample, resource or
 * event is not found. An admin's queries are left as they are.
 */
public final class ProjectScope {

    /** The stored field of samples, resources and meters that holds the owning project. */
    public static final String PROJECT_FIELD = "project_id";
    /** The event trait that holds the owning project (Ceilometer's default event definitions set it). */
    public static final String PROJECT_TRAIT = "project_id";

    private ProjectScope() {}

    /** {@code filter}, limited to the caller's project unless the caller is an admin. */
    public static Filter limit(Caller caller, Filter filter) {
        return caller.limitedToProject()
                .<Filter>map(project -> Filter.and(Filter.eq(PROJECT_FIELD, project), filter))
                .orElse(filter);
    }

    /** {@code filter}, limited to events whose {@code project_id} trait is the caller's project, unless an admin. */
    public static EventFilter limit(Caller caller, EventFilter filter) {
        if (caller.limitedToProject().isEmpty()) {
            return filter;
        }
        List<TraitFilter> traits = new ArrayList<>(filter.traits());
        traits.add(new TraitFilter(
                PROJECT_TRAIT, Op.EQ, TraitType.TEXT, caller.limitedToProject().get()));
        return new EventFilter(filter.eventType(), filter.messageId(), filter.start(), filter.end(), traits);
    }

    /** Whether the caller may see what belongs to {@code projectId} (a null project: only an admin). */
    public static boolean allows(Caller caller, String projectId) {
        return caller.limitedToProject().map(p -> p.equals(projectId)).orElse(true);
    }
}
