package io.meterhub.store;

import io.meterhub.model.DeadLetter;
import io.meterhub.model.Translation;
import java.util.List;

/**
 * What one store round trip writes: translated notifications, dead letters, and items for the {@link
 * BatchContributor}s.
 */
public record WriteBatch(List<Translation> translations, List<DeadLetter> deadLetters, List<ContributorItem> items) {

    public WriteBatch {
        translations = List.copyOf(translations);
        deadLetters = List.copyOf(deadLetters);
        items = List.copyOf(items);
    }

    public WriteBatch(List<Translation> translations, List<DeadLetter> deadLetters) {
        this(translations, deadLetters, List.of());
    }

    public boolean isEmpty() {
        return translations.isEmpty() && deadLetters.isEmpty() && items.isEmpty();
    }
}
