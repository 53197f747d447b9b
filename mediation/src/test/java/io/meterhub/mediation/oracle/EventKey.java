package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The fields an event is compared on: its type, when it was generated (an instant) and its traits as a set of
 * (name, type, value) with datetime values as instants and numbers compared numerically.
 */
record EventKey(String messageId, Object eventType, Object generated, Set<Trait> traits) {

    /** One trait in {@link Canonical} form. */
    record Trait(Object name, Object type, Object value) {

        static Trait of(JsonNode trait) {
            JsonNode value = trait.get("value");
            boolean datetime = "datetime".equals(trait.path("type").asText());
            return new Trait(
                    Canonical.value(trait.get("name")),
                    Canonical.value(trait.get("type")),
                    datetime ? Canonical.instant(value) : Canonical.value(value));
        }

        @Override
        public String toString() {
            return name + ":" + type + "=" + Canonical.show(value);
        }
    }

    static EventKey of(JsonNode line) {
        Set<Trait> traits = new HashSet<>();
        line.path("traits").forEach(t -> traits.add(Trait.of(t)));
        return new EventKey(
                ResultLines.notificationId(line),
                Canonical.value(line.get("event_type")),
                Canonical.instant(line.get("generated")),
                traits);
    }

    /** How {@code other} differs from this: type, generation time, traits only on either side. */
    String changesTo(EventKey other) {
        StringBuilder b = new StringBuilder();
        if (!Objects.equals(eventType, other.eventType)) {
            b.append("event_type: ")
                    .append(Canonical.show(eventType))
                    .append(" -> ")
                    .append(Canonical.show(other.eventType))
                    .append("; ");
        }
        if (!Objects.equals(generated, other.generated)) {
            b.append("generated: ")
                    .append(Canonical.show(generated))
                    .append(" -> ")
                    .append(Canonical.show(other.generated))
                    .append("; ");
        }
        String onlyHere = only(traits, other.traits);
        String onlyThere = only(other.traits, traits);
        if (!onlyHere.isEmpty()) {
            b.append("traits only expected: ").append(onlyHere).append("; ");
        }
        if (!onlyThere.isEmpty()) {
            b.append("traits only actual: ").append(onlyThere).append("; ");
        }
        return b.toString().replaceAll("; $", "");
    }

    private static String only(Set<Trait> these, Set<Trait> those) {
        Set<String> only = these.stream()
                .filter(t -> !those.contains(t))
                .map(Trait::toString)
                .collect(Collectors.toCollection(TreeSet::new));
        return only.isEmpty() ? "" : only.toString();
    }

    @Override
    public String toString() {
        return Canonical.show(eventType) + " generated " + Canonical.show(generated) + " with " + traits.size()
                + " traits";
    }
}
