package io.meterhub.feeds.write;

import io.meterhub.feeds.CategoryTerms;
import io.meterhub.feeds.FeedNames;
import io.meterhub.store.RawDocuments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * Turns a posted entry into its feed entry: its own title, content and categories, plus the event type it is filed
 * under, {@code tid:<project>} when it belongs to one, and the configured region and extra terms.
 */
final class PostedEntries {

    private final EntryCategories categories;

    PostedEntries(EntryCategories categories) {
        this.categories = categories;
    }

    NewEntry of(PostedEntry p, Instant now) {
        Set<String> terms = new LinkedHashSet<>();
        terms.add(p.eventType());
        terms.addAll(p.categories());
        p.project().ifPresent(project -> terms.add(CategoryTerms.PROJECT + project));
        terms.addAll(categories.of(p.eventType(), List.of(), null, List.of()));
        List<String> all = new ArrayList<>(terms);
        Document body = new Document(FeedNames.ENTRY_ID, p.entryId())
                .append(FeedNames.EVENT_TYPE, p.eventType())
                .append(FeedNames.PUBLISHED, Date.from(p.published().orElse(now)))
                .append(FeedNames.CATEGORIES, all)
                .append(FeedNames.TITLE, p.title())
                .append(FeedNames.CONTENT_TYPE, p.contentType())
                .append(FeedNames.CONTENT, p.content())
                .append(FeedNames.NONCE, p.nonce());
        p.project().ifPresent(project -> body.append(FeedNames.PROJECT, project));
        return new NewEntry(p.entryId(), RawDocuments.encode(body), all, p);
    }
}
