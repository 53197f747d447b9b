package io.meterhub.feeds.read;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, ready to be rendered.
 *
 * @param id the Atom id ({@code urn:uuid:<message_id>}, of a sample entry {@code urn:uuid:<sample id>})
 * @param title the event type (a sample entry: the meter; a posted entry: its own title)
 * @param updated when the hub committed it
 * @param published when it happened (the notification's timestamp, the sample's timestamp, the event's time)
 * @param contentType the content's media type, {@code application/json} unless posted otherwise
 */
public record FeedEntry(
        Position position,
        String id,
        String title,
        Instant updated,
        Instant published,
        List<String> categories,
        String contentType,
        String content) {

    public FeedEntry {
        categories = List.copyOf(categories);
    }
}
