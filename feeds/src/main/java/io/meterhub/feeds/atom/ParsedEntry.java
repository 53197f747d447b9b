package io.meterhub.feeds.atom;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the hub keeps of a posted Atom entry.
 *
 * @param id its {@code atom:id}, if it has one (else the hub assigns {@code urn:uuid:<random>})
 * @param contentType its content's type as Atom writes it ({@code text}, {@code html}, {@code xhtml} or a media type)
 * @param content its content as text; XML content serialized
 */
public record ParsedEntry(
        Optional<String> id,
        String title,
        String contentType,
        String content,
        List<String> categories,
        Optional<Instant> published) {

    public ParsedEntry {
        categories = List.copyOf(categories);
    }
}
