package io.meterhub.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.meterhub.feeds.read.Position;
import io.meterhub.feeds.search.Search;
import io.meterhub.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * What a feed should hold, worked out here from the stored entry documents themselves (a full scan, as no reader
 * may do), independently of the postings and the page reader.
 */
final class FeedOracle {

    /** An expected entry: where it stands and its Atom id. */
    record Expected(Position position, String id) {}

    private final List<Document> entries;

    /** The entries committed up to {@code committed}, in sequence order. */
    FeedOracle(MongoDatabase db, long committed) {
        entries = new ArrayList<>();
        db.getCollection(FeedNames.ENTRIES)
                .find(Filters.lte("_id", committed))
                .sort(new Document("_id", 1))
                .into(entries);
    }

    List<Document> entries() {
        return entries;
    }

    /** The notification entries matching {@code test}, oldest first. */
    List<Expected> notifications(java.util.function.Predicate<Document> test) {
        return entries.stream()
                .filter(test)
                .map(d -> new Expected(new Position(d.getLong("_id"), 0), d.getString(FeedNames.ENTRY_ID)))
                .toList();
    }

    /** The sub-entries ({@code samples} or {@code events}) matching {@code test}, oldest first. */
    List<Expected> subEntries(String field, BiPredicate<Document, JsonNode> test) {
        List<Expected> out = new ArrayList<>();
        for (Document d : entries) {
            JsonNode items = json(d.getString(field));
            for (int i = 0; i < items.size(); i++) {
                if (test.test(d, items.get(i))) {
                    out.add(new Expected(
                            new Position(d.getLong("_id"), i),
                            "urn:uuid:" + items.get(i).path("message_id").asText()));
                }
            }
        }
        return out;
    }

    /** Whether an entry's categories satisfy the search (terms compared without regard to case). */
    static boolean matches(Search s, Document entry) {
        Set<String> terms = entry.getList(FeedNames.CATEGORIES, String.class).stream()
                .map(t -> t.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return matches(s, terms);
    }

    private static boolean matches(Search s, Set<String> terms) {
        if (s instanceof Search.Category c) {
            return terms.contains(c.term().toLowerCase(Locale.ROOT));
        }
        if (s instanceof Search.And a) {
            return a.parts().stream().allMatch(p -> matches(p, terms));
        }
        if (s instanceof Search.Or o) {
            return o.parts().stream().anyMatch(p -> matches(p, terms));
        }
        return !matches(((Search.Not) s).part(), terms);
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return Json.mapper().createArrayNode();
        }
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
