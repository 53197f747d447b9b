package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A place in a notification that holds a value: a field of an object or an element of an array, with its path
 * ({@code payload.image_meta.base_image_ref}, {@code payload.metrics[2].value}).
 */
record Slot(JsonNode parent, String field, int index, String path) {

    /** The payload fields Ceilometer's meters.yaml and event_definitions.yaml read (by last path segment). */
    static final Set<String> READ_BY_DEFINITIONS = Set.of(
            "instance_id",
            "memory_mb",
            "vcpus",
            "root_gb",
            "ephemeral_gb",
            "disk_gb",
            "tenant_id",
            "user_id",
            "project_id",
            "created_at",
            "launched_at",
            "deleted_at",
            "terminated_at",
            "host",
            "instance_type",
            "instance_flavor_id",
            "instance_type_id",
            "display_name",
            "state",
            "old_state",
            "size",
            "id",
            "volume_id",
            "snapshot_id",
            "image_id",
            "owner",
            "bytes_sent",
            "receiver_user_id",
            "receiver_tenant_id",
            "owner_id",
            "resource_id",
            "metrics",
            "name",
            "value",
            "unit",
            "image_meta",
            "base_image_ref",
            "availability_zone",
            "audit_period_beginning",
            "audit_period_ending",
            "status",
            "nodename",
            "os_type",
            "architecture",
            "bytes",
            "label_id",
            "router_id",
            "backup_id",
            "total",
            "free",
            "allocated",
            "provisioned",
            "virtual_free",
            "name_to_id",
            "measurements",
            "result",
            "target",
            "initiator",
            "metadata",
            "volume_size",
            "volume_type",
            "replication_status",
            "timestamp",
            "source",
            "flavor_id",
            "os_distro",
            "os_version",
            "disk_format",
            "container_format");

    JsonNode value() {
        return parent instanceof ObjectNode o ? o.get(field) : parent.get(index);
    }

    void set(JsonNode value) {
        if (parent instanceof ObjectNode o) {
            o.set(field, value);
        } else {
            ((ArrayNode) parent).set(index, value);
        }
    }

    /** Removes the field, or the element (shifting those after it). */
    void remove() {
        if (parent instanceof ObjectNode o) {
            o.remove(field);
        } else {
            ((ArrayNode) parent).remove(index);
        }
    }

    /** The last path segment is a field the definitions read. */
    boolean readByDefinitions() {
        return field != null && READ_BY_DEFINITIONS.contains(field);
    }

    /** Every slot under {@code root} (whose path is {@code path}), depth first, at most {@code depth} deep. */
    static List<Slot> under(JsonNode root, String path, int depth) {
        List<Slot> slots = new ArrayList<>();
        collect(root, path, depth, slots);
        return slots;
    }

    private static void collect(JsonNode node, String path, int depth, List<Slot> out) {
        if (depth == 0) {
            return;
        }
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String p = path + "." + name;
                out.add(new Slot(o, name, -1, p));
                collect(o.get(name), p, depth - 1, out);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size() && i < 20; i++) {
                String p = path + "[" + i + "]";
                out.add(new Slot(a, null, i, p));
                collect(a.get(i), p, depth - 1, out);
            }
        }
    }
}
