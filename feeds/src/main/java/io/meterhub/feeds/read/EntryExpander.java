package io.meterhub.feeds.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.feeds.CategoryTerms;
import io.meterhub.feeds.FeedNames;
import io.meterhub.model.Json;
import io.meterhub.model.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The entries one stored entry document gives a feed, in position order, for a caller limited to {@code project} or
 * not: the notification itself in the notification feeds (when it is of the feed's event type or project); each
 * sample of the feed's meter in a meter feed; each event of the feed's type in an event feed. A caller limited to a
 * project sees a notification only when it belongs to that project alone, and a sample or event only when it is of
 * that project. Every check is made here, so an entry reached by id is held to the same rules as one on a page.
 */
final class EntryExpander {

    static final String JSON = "application/json";

    private EntryExpander() {}

    static List<FeedEntry> expand(Document doc, Feed feed, Optional<String> project) {
        return switch (feed.kind()) {
            case NOTIFICATIONS, EVENT_TYPE, PROJECT -> notification(doc, feed, project);
            case METER -> samples(doc, feed.key(), project);
            case EVENTS -> events(doc, feed.key(), project);
        };
    }

    private static List<FeedEntry> notification(Document doc, Feed feed, Optional<String> project) {
        List<String> categories = doc.getList(FeedNames.CATEGORIES, String.class);
        boolean inFeed =
                switch (feed.kind()) {
                    case EVENT_TYPE -> feed.key().equalsIgnoreCase(doc.getString(FeedNames.EVENT_TYPE));
                    case PROJECT -> hasTerm(categories, CategoryTerms.PROJECT + feed.key());
                    default -> true;
                };
        if (!inFeed || project.isPresent() && !project.get().equals(doc.getString(FeedNames.PROJECT))) {
            return List.of();
        }
        String title = doc.getString(FeedNames.TITLE);
        String type = doc.getString(FeedNames.CONTENT_TYPE);
        return List.of(new FeedEntry(
                new Position(doc.getLong("_id"), 0),
                doc.getString(FeedNames.ENTRY_ID),
                title != null ? title : doc.getString(FeedNames.EVENT_TYPE),
                updated(doc),
                doc.getDate(FeedNames.PUBLISHED).toInstant(),
                categories,
                type != null ? type : JSON,
                doc.getString(FeedNames.CONTENT)));
    }

    private static List<FeedEntry> samples(Document doc, String meter, Optional<String> project) {
        List<FeedEntry> out = new ArrayList<>();
        JsonNode samples = json(doc.getString(FeedNames.SAMPLES));
        for (int i = 0; i < samples.size(); i++) {
            JsonNode s = samples.get(i);
            String owner = s.path("project_id").textValue();
            if (!meter.equalsIgnoreCase(s.path("counter_name").asText())
                    || project.isPresent() && !project.get().equals(owner)) {
                continue;
            }
            List<String> categories = new ArrayList<>();
            categories.add(doc.getString(FeedNames.EVENT_TYPE));
            categories.add(CategoryTerms.METER + s.path("counter_name").asText());
            if (owner != null) {
                categories.add(CategoryTerms.PROJECT + owner);
            }
            shared(doc, categories);
            out.add(new FeedEntry(
                    new Position(doc.getLong("_id"), i),
                    "urn:uuid:" + s.path("message_id").asText(),
                    s.path("counter_name").asText(),
                    updated(doc),
                    time(s.path("timestamp").asText(), doc),
                    categories,
                    JSON,
                    s.toString()));
        }
        return out;
    }

    private static List<FeedEntry> events(Document doc, String eventType, Optional<String> project) {
        List<FeedEntry> out = new ArrayList<>();
        JsonNode events = json(doc.getString(FeedNames.EVENTS));
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            String owner = projectTrait(e);
            if (!eventType.equalsIgnoreCase(e.path("event_type").asText())
                    || project.isPresent() && !project.get().equals(owner)) {
                continue;
            }
            List<String> categories = new ArrayList<>();
            categories.add(e.path("event_type").asText());
            if (owner != null) {
                categories.add(CategoryTerms.PROJECT + owner);
            }
            shared(doc, categories);
            out.add(new FeedEntry(
                    new Position(doc.getLong("_id"), i),
                    "urn:uuid:" + e.path("message_id").asText(),
                    e.path("event_type").asText(),
                    updated(doc),
                    time(e.path("generated").asText(), doc),
                    categories,
                    JSON,
                    e.toString()));
        }
        return out;
    }

    /** The notification's terms a sample or event shares: host, region and the configured extras. */
    private static void shared(Document doc, List<String> categories) {
        for (String term : doc.getList(FeedNames.CATEGORIES, String.class)) {
            boolean own = term.equals(doc.getString(FeedNames.EVENT_TYPE))
                    || term.startsWith(CategoryTerms.METER)
                    || term.startsWith(CategoryTerms.PROJECT);
            if (!own && !categories.contains(term)) {
                categories.add(term);
            }
        }
    }

    private static String projectTrait(JsonNode event) {
        for (JsonNode t : event.path("traits")) {
            if (t.path("name").asText().equals("project_id") && t.path("value").isTextual()) {
                return t.path("value").textValue();
            }
        }
        return null;
    }

    private static boolean hasTerm(List<String> categories, String term) {
        return categories.stream().anyMatch(term::equalsIgnoreCase);
    }

    private static Instant updated(Document doc) {
        return doc.getDate(FeedNames.UPDATED).toInstant();
    }

    private static Instant time(String text, Document doc) {
        return Timestamps.parse(text).orElse(doc.getDate(FeedNames.PUBLISHED).toInstant());
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return Json.mapper().createArrayNode();
        }
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored feed entry holds JSON that does not parse", e);
        }
    }
}
