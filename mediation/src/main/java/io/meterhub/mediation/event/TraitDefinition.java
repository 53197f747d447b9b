package io.meterhub.mediation.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.definition.FieldDefinition;
import io.meterhub.model.Trait;
import io.meterhub.model.TraitType;

/**
 * One trait of an event definition ({@code ceilometer.event.converter.TraitDefinition}): a field definition and a
 * type. An empty string counts as absent for every type but text, as nova sends {@code ''} for null dates.
 */
record TraitDefinition(String name, TraitType type, FieldDefinition field) {

    /** The trait, or null when the notification has no value for it. */
    Trait toTrait(JsonNode body) {
        JsonNode value = field.parse(body);
        if (value == null || value.isNull()) {
            return null;
        }
        if (type != TraitType.TEXT && value.isTextual() && value.textValue().isEmpty()) {
            return null;
        }
        try {
            return new Trait(name, type, TraitValues.convert(type, value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("trait " + name + " (" + type.wireName() + "): " + e.getMessage(), e);
        }
    }
}
