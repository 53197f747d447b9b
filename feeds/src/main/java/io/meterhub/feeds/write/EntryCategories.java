package io.meterhub.feeds.write;

import io.meterhub.feeds.CategoryTerms;
import io.meterhub.feeds.FeedSettings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The category terms of an entry, in the order they are rendered: the event type (bare, as Yagi writes it),
 * {@code tid:<project>} for each project (Atom Hopper's tenant term), {@code host:<host>} from the publisher id,
 * {@code meter:<name>} for each meter of its samples, {@code rgn:<region>} and the configured extra terms.
 */
final class EntryCategories {

    private final FeedSettings settings;

    EntryCategories(FeedSettings settings) {
        this.settings = settings;
    }

    List<String> of(String eventType, List<String> projects, String publisherId, List<String> meters) {
        Set<String> terms = new LinkedHashSet<>();
        terms.add(eventType);
        projects.forEach(p -> terms.add(CategoryTerms.PROJECT + p));
        host(publisherId).ifPresent(h -> terms.add(CategoryTerms.HOST + h));
        meters.forEach(m -> terms.add(CategoryTerms.METER + m));
        settings.region().ifPresent(r -> terms.add(CategoryTerms.REGION + r));
        terms.addAll(settings.extraCategories());
        return new ArrayList<>(terms);
    }

    /** oslo's publisher id is {@code <service>.<host>} (e.g. {@code compute.node-1}); the host is what follows. */
    static Optional<String> host(String publisherId) {
        if (publisherId == null || publisherId.isBlank()) {
            return Optional.empty();
        }
        int dot = publisherId.indexOf('.');
        String host = dot < 0 ? publisherId : publisherId.substring(dot + 1);
        return host.isBlank() ? Optional.empty() : Optional.of(host);
    }
}
