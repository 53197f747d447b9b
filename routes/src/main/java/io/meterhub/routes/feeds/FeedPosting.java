package io.meterhub.routes.feeds;

import io.meterhub.feeds.CategoryTerms;
import io.meterhub.feeds.atom.AtomEntryReader;
import io.meterhub.feeds.atom.AtomRenderer;
import io.meterhub.feeds.atom.InvalidEntryException;
import io.meterhub.feeds.atom.ParsedEntry;
import io.meterhub.feeds.read.Feed;
import io.meterhub.feeds.read.FeedEntry;
import io.meterhub.feeds.read.FeedSource;
import io.meterhub.feeds.write.PostedEntry;
import io.meterhub.routes.api.ApiException;
import io.meterhub.routes.api.auth.Caller;
import io.meterhub.store.BatchingWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST} of an Atom entry to a notification feed (AtomPub, as Yagi posts to Atom Hopper): read by the hardened
 * {@link AtomEntryReader} (400 when it is not acceptable), filed under the feed's event type (or, posted to the feed
 * of all notifications, under its title), written through the store writer like a notification, and answered with
 * 201, the stored entry and its {@code Location}; 409 when its id is taken. An entry without an id gets
 * {@code urn:uuid:<random>}. A caller limited to a project posts into that project and may not name another one.
 */
final class FeedPosting {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> MEDIA_TYPES = List.of("application/atom+xml", "application/xml", "text/xml");

    private final AtomEntryReader reader;
    private final BatchingWriter writer;
    private final FeedSource source;

    FeedPosting(AtomEntryReader reader, BatchingWriter writer, FeedSource source) {
        this.reader = reader;
        this.writer = writer;
        this.source = source;
    }

    FeedResponse post(Feed feed, String feedUrl, Caller caller, String contentType, byte[] body) {
        if (!feed.acceptsPosts()) {
            throw new ApiException(
                    405,
                    "entries can be posted to /feeds/notifications and " + "/feeds/notifications/<event_type> only");
        }
        String media =
                contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!MEDIA_TYPES.contains(media)) {
            throw new ApiException(415, "post an Atom entry as application/atom+xml, not '" + contentType + "'");
        }
        ParsedEntry parsed;
        try {
            parsed = reader.read(body);
        } catch (InvalidEntryException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        String id = parsed.id().orElse("urn:uuid:" + UUID.randomUUID());
        if (!id.contains(":")) {
            throw ApiException.badRequest("the entry's id '" + id + "' is not an absolute IRI (e.g. urn:uuid:...)");
        }
        PostedEntry posted = PostedEntry.of(
                id,
                feed.kind() == Feed.Kind.EVENT_TYPE ? feed.key() : parsed.title(),
                parsed.title(),
                parsed.contentType(),
                parsed.content(),
                parsed.categories(),
                project(parsed, caller),
                parsed.published());
        write(posted);
        if (posted.outcome().isDuplicate()) {
            throw new ApiException(409, "an entry with id " + id + " exists already");
        }
        FeedEntry stored = source.entry(feed, id, Optional.empty())
                .orElseThrow(() -> new IllegalStateException("entry " + id + " was stored but cannot be read"));
        return new FeedResponse(
                201,
                FeedReading.ENTRY_CONTENT_TYPE,
                AtomRenderer.entry(stored, feedUrl).getBytes(StandardCharsets.UTF_8),
                Map.of("Location", AtomRenderer.entryUrl(feedUrl, id)));
    }

    /** The caller's own project; an admin's entry belongs to the one project its tid: categories name, if one. */
    private static Optional<String> project(ParsedEntry parsed, Caller caller) {
        List<String> named = parsed.categories().stream()
                .filter(t -> t.startsWith(CategoryTerms.PROJECT))
                .map(t -> t.substring(CategoryTerms.PROJECT.length()))
                .distinct()
                .toList();
        if (caller.limitedToProject().isPresent()) {
            String own = caller.limitedToProject().get();
            if (named.stream().anyMatch(p -> !p.equals(own))) {
                throw ApiException.forbidden("an entry of project " + own + " may not name another project");
            }
            return Optional.of(own);
        }
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    private void write(PostedEntry posted) {
        try {
            writer.submit(posted).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the store did not take entry " + posted.entryId(), e.getCause());
        } catch (TimeoutException e) {
            throw new ApiException(503, "the store did not take the entry in time; post it again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted while storing the entry; post it again");
        }
    }
}
