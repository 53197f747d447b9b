package io.meterhub.mediation.meter;

import static io.meterhub.mediation.meter.VolumeExtractor.field;

import io.meterhub.model.SampleType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first meters the hub makes, defined exactly as Ceilometer 19.0.0's default meters.yaml defines them (the
 * release the compatibility tests measure against; newer Ceilometer writes the units GiB/MiB and adds
 * {@code image_meta} and {@code volume_type_id} metadata): instance memory, vcpus, root and ephemeral disk, boot
 * time; volume size; image size. The meters.yaml engine supersedes this
 * list with the operator's definitions; it keeps the {@link SampleConverter} interface.
 */
public final class BuiltInMeters {

    /** Ceilometer's {@code &instance_events}: every instance notification but create.start and update. */
    private static final String INSTANCE_EVENTS = "compute.instance.(?!create.start|update).*";

    private BuiltInMeters() {}

    public static List<SampleConverter> all() {
        return List.of(
                instance("memory", "MB", field("$.payload.memory_mb")),
                instance("vcpus", "vcpu", field("$.payload.vcpus")),
                instance("disk.root.size", "GB", field("$.payload.root_gb")),
                instance("disk.ephemeral.size", "GB", field("$.payload.ephemeral_gb")),
                new MeterDefinition(
                        "compute.instance.booting.time",
                        SampleType.GAUGE,
                        "sec",
                        EventTypeMatcher.of("compute.instance.create.end"),
                        VolumeExtractor.timedelta("$.payload.created_at", "$.payload.launched_at"),
                        FieldPath.parse("$.payload.instance_id"),
                        FieldPath.parse("$.payload.tenant_id"),
                        null,
                        instanceMetadata()),
                new MeterDefinition(
                        "volume.size",
                        SampleType.GAUGE,
                        "GB",
                        EventTypeMatcher.of(
                                "volume.exists",
                                "volume.retype",
                                "volume.create.*",
                                "volume.delete.*",
                                "volume.resize.*",
                                "volume.attach.*",
                                "volume.detach.*",
                                "volume.update.*",
                                "volume.manage.*"),
                        field("$.payload.size"),
                        FieldPath.parse("$.payload.volume_id"),
                        FieldPath.parse("$.payload.tenant_id"),
                        FieldPath.parse("$.payload.user_id"),
                        paths(
                                "display_name",
                                "$.payload.display_name",
                                "volume_type",
                                "$.payload.volume_type",
                                "image_id",
                                "$.payload.glance_metadata[?key=image_id].value",
                                "instance_id",
                                "$.payload.volume_attachment[0].server_id")),
                new MeterDefinition(
                        "image.size",
                        SampleType.GAUGE,
                        "B",
                        EventTypeMatcher.of("image.upload", "image.delete", "image.update"),
                        field("$.payload.size"),
                        FieldPath.parse("$.payload.id"),
                        FieldPath.parse("$.payload.owner"),
                        null,
                        Map.of()));
    }

    private static MeterDefinition instance(String name, String unit, VolumeExtractor volume) {
        return new MeterDefinition(
                name,
                SampleType.GAUGE,
                unit,
                EventTypeMatcher.of(INSTANCE_EVENTS),
                volume,
                FieldPath.parse("$.payload.instance_id"),
                FieldPath.parse("$.payload.tenant_id"),
                FieldPath.parse("$.payload.user_id"),
                instanceMetadata());
    }

    /** Ceilometer's {@code &instance_meta}. */
    private static Map<String, FieldPath> instanceMetadata() {
        return paths(
                "host",
                "$.payload.host",
                "flavor_id",
                "$.payload.instance_flavor_id",
                "flavor_name",
                "$.payload.instance_type",
                "display_name",
                "$.payload.display_name",
                "image_ref",
                "$.payload.image_meta.base_image_ref",
                "launched_at",
                "$.payload.launched_at",
                "created_at",
                "$.payload.created_at",
                "deleted_at",
                "$.payload.deleted_at");
    }

    private static Map<String, FieldPath> paths(String... keyAndPath) {
        Map<String, FieldPath> m = new LinkedHashMap<>();
        for (int i = 0; i < keyAndPath.length; i += 2) {
            m.put(keyAndPath[i], FieldPath.parse(keyAndPath[i + 1]));
        }
        return m;
    }
}
