package io.meterhub.feeds.write;

import io.meterhub.feeds.FeedNames;
import io.meterhub.model.Event;
import io.meterhub.model.Notification;
import io.meterhub.model.Sample;
import io.meterhub.model.Trait;
import io.meterhub.model.Translation;
import io.meterhub.store.RawDocuments;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * Turns a stored notification into its feed entry: id {@code urn:uuid:<message_id>}, its content, samples and events
 * as JSON text (one string each: the embedded store's cost is per value, not per byte), its categories, and the one
 * project it belongs to. A notification's projects are the {@code project_id} traits of its events and the projects
 * of its samples; it belongs to a project when that is its only one (a polling notification may carry samples of
 * several; only an admin then sees it whole).
 */
final class NotificationEntries {

    static final String PROJECT_TRAIT = "project_id";

    private final EntryCategories categories;

    NotificationEntries(EntryCategories categories) {
        this.categories = categories;
    }

    /** The Atom id of a notification's entry. */
    static String entryId(String messageId) {
        return "urn:uuid:" + messageId;
    }

    NewEntry of(Translation t) {
        Notification n = t.source();
        List<String> projects = projects(t);
        List<String> meters = t.samples().stream().map(Sample::name).distinct().toList();
        List<String> terms = categories.of(n.eventType(), projects, n.publisherId(), meters);
        Document body = new Document(FeedNames.ENTRY_ID, entryId(n.messageId()))
                .append(FeedNames.EVENT_TYPE, n.eventType())
                .append(FeedNames.PUBLISHED, Date.from(n.timestamp()))
                .append(FeedNames.CATEGORIES, terms)
                .append(FeedNames.CONTENT, ContentJson.notification(n.message()));
        if (projects.size() == 1) {
            body.append(FeedNames.PROJECT, projects.get(0));
        }
        if (!t.samples().isEmpty()) {
            body.append(FeedNames.SAMPLES, ContentJson.samples(t.samples()));
        }
        if (!t.events().isEmpty()) {
            body.append(FeedNames.EVENTS, ContentJson.events(t.events()));
        }
        return new NewEntry(entryId(n.messageId()), RawDocuments.encode(body), terms, null);
    }

    private static List<String> projects(Translation t) {
        Set<String> out = new LinkedHashSet<>();
        for (Event e : t.events()) {
            for (Trait trait : e.traits()) {
                if (trait.name().equals(PROJECT_TRAIT) && trait.value() instanceof String p && !p.isBlank()) {
                    out.add(p);
                }
            }
        }
        for (Sample s : t.samples()) {
            if (s.projectId() != null && !s.projectId().isBlank()) {
                out.add(s.projectId());
            }
        }
        return new ArrayList<>(out);
    }
}
