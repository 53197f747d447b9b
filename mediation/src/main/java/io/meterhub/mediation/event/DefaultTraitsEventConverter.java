package io.meterhub.mediation.event;

import io.meterhub.mediation.meter.FieldPath;
import io.meterhub.model.Event;
import io.meterhub.model.Notification;
import io.meterhub.model.Trait;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One event per notification with Ceilometer's default traits ({@code DEFAULT_TRAITS} of
 * {@code ceilometer.event.converter}): service, request_id, project_id, user_id, tenant_id, each a text trait taken
 * from the first of its fields that is present. The event_definitions.yaml engine adds the per-type traits.
 */
public final class DefaultTraitsEventConverter implements EventConverter {

    private static final Map<String, List<FieldPath>> DEFAULT_TRAITS = new LinkedHashMap<>();

    static {
        DEFAULT_TRAITS.put("service", paths("publisher_id"));
        DEFAULT_TRAITS.put("request_id", paths("ctxt.request_id"));
        DEFAULT_TRAITS.put("project_id", paths("payload.tenant_id", "ctxt.project_id"));
        DEFAULT_TRAITS.put("user_id", paths("payload.user_id", "ctxt.user_id"));
        DEFAULT_TRAITS.put("tenant_id", paths("payload.tenant_id", "ctxt.project_id"));
    }

    @Override
    public Optional<Event> toEvent(Notification n) {
        List<Trait> traits = new ArrayList<>(DEFAULT_TRAITS.size());
        DEFAULT_TRAITS.forEach((name, fields) -> {
            for (FieldPath f : fields) {
                String v = f.text(n);
                if (v != null) {
                    traits.add(Trait.text(name, v));
                    return;
                }
            }
        });
        return Optional.of(new Event(n.messageId(), n.eventType(), n.timestamp(), traits));
    }

    private static List<FieldPath> paths(String... expressions) {
        return java.util.Arrays.stream(expressions).map(FieldPath::parse).toList();
    }
}
