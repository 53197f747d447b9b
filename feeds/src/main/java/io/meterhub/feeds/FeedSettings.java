package io.meterhub.feeds;

import java.util.List;
import java.util.Optional;

/**
 * What the feeds add to every entry besides what the notification says.
 *
 * @param region the cloud region, added to every entry as the category {@code rgn:<region>} (Atom Hopper's term)
 * @param extraCategories further category terms added to every entry, as Yagi's {@code atom_categories} option
 */
public record FeedSettings(Optional<String> region, List<String> extraCategories) {

    public FeedSettings {
        extraCategories = List.copyOf(extraCategories);
    }

    /** No region and no extra categories. */
    public static FeedSettings defaults() {
        return new FeedSettings(Optional.empty(), List.of());
    }
}
