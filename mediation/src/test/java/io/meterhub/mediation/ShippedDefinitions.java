package io.meterhub.mediation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * What differs between the definitions meterhub ships (Ceilometer's newer meters.yaml and event_definitions.yaml)
 * and those of Ceilometer 19.0.0 that made the expected corpus output. Each entry is a change of the definition
 * files, also listed in the README; nothing else may differ.
 */
final class ShippedDefinitions {

    /** Ceilometer 19.0.0's identity.authenticate name expression, which it leaves unevaluated. */
    static final String RAW_AUTHENTICATE_NAME =
            "$.payload.outcome - $.payload.outcome + 'identity.authenticate.' + $.payload.outcome";

    /** dns.zone.create/update/delete: the newer file defines these traits (Ceilometer 19 had no dns.zone entry). */
    private static final Set<String> DNS_ZONE_TRAITS = Set.of(
            "resource_id",
            "project_id",
            "name",
            "description",
            "action",
            "created_at",
            "email",
            "expire",
            "pool_id",
            "refresh",
            "retry",
            "serial",
            "status",
            "ttl",
            "type",
            "updated_at",
            "version");

    private ShippedDefinitions() {}

    /** A sample of Ceilometer 19.0.0 as the shipped definitions make it. */
    static CorpusTranslationTest.SampleKey asShipped(CorpusTranslationTest.SampleKey s, JsonNode notification) {
        String name = s.name().equals(RAW_AUTHENTICATE_NAME)
                ? "identity.authenticate."
                        + notification.path("payload").path("outcome").asText()
                : s.name();
        String unit =
                switch (String.valueOf(s.unit())) {
                    case "GB" -> "GiB"; // capacities are binary: Ceilometer renamed GB to GiB
                    case "MB" -> "MiB";
                    default -> s.unit();
                };
        return new CorpusTranslationTest.SampleKey(
                s.messageId(),
                name,
                s.type(),
                unit,
                s.volume(),
                s.resourceId(),
                s.projectId(),
                s.userId(),
                s.timestamp());
    }

    /** Traits of an event type whose definition changed; they are not compared with Ceilometer 19's. */
    static Set<String> changedTraits(String eventType) {
        if (List.of("dns.zone.create", "dns.zone.update", "dns.zone.delete").contains(eventType)) {
            return DNS_ZONE_TRAITS;
        }
        if (eventType.startsWith("compute.instance.")) {
            return Set.of("instance_flavor_id"); // new in the shipped file
        }
        return Set.of();
    }
}
