package io.meterhub.store;

import io.meterhub.model.DeadLetter;
import io.meterhub.model.Translation;
import java.util.List;

/** What one store round trip writes: translated notifications and dead letters. */
public record WriteBatch(List<Translation> translations, List<DeadLetter> deadLetters) {

    public WriteBatch {
        translations = List.copyOf(translations);
        deadLetters = List.copyOf(deadLetters);
    }

    public boolean isEmpty() {
        return translations.isEmpty() && deadLetters.isEmpty();
    }
}
