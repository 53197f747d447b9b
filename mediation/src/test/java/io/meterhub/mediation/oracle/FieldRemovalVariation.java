package io.meterhub.mediation.oracle;

import java.util.List;
import java.util.Random;

/**
 * Removes one field: one the definitions read (instance_id, memory_mb, tenant_id, launched_at, a metric's value
 * ...), any payload field, or a field of the message itself (publisher_id, priority, timestamp, payload,
 * event_type, a context key).
 */
final class FieldRemovalVariation implements Variation {

    private static final List<String> MESSAGE_FIELDS = List.of(
            "publisher_id",
            "priority",
            "timestamp",
            "payload",
            "event_type",
            "_context_user_id",
            "_context_project_id",
            "_context_tenant",
            "_context_user",
            "_context_request_id",
            "_context_tenant_id",
            "_unique_id");

    @Override
    public String apply(Draft draft, Random random) {
        int choice = random.nextInt(100);
        List<Slot> payload = draft.payload() == null ? List.of() : Slot.under(draft.payload(), "payload", 4);
        List<Slot> read = payload.stream().filter(Slot::readByDefinitions).toList();
        Slot slot;
        String why;
        if (choice < 50 && !read.isEmpty()) {
            slot = read.get(random.nextInt(read.size()));
            why = "read by the definitions";
        } else if (choice < 80 && !payload.isEmpty()) {
            slot = payload.get(random.nextInt(payload.size()));
            why = "any payload field";
        } else {
            List<String> present =
                    MESSAGE_FIELDS.stream().filter(f -> draft.message().has(f)).toList();
            if (present.isEmpty()) {
                return null;
            }
            String field = present.get(random.nextInt(present.size()));
            slot = new Slot(draft.message(), field, -1, field);
            why = "a field of the message";
        }
        slot.remove();
        return "removed " + slot.path() + " (" + why + ")";
    }
}
