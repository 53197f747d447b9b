package io.meterhub.store.query;

import io.meterhub.model.TraitType;

/** A trait name and type seen on events of one type: an entry of {@code GET /v2/event_types/<type>/traits}. */
public record TraitDescription(String name, TraitType type) {}
