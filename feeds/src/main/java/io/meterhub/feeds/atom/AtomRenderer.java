package io.meterhub.feeds.atom;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import com.rometools.rome.io.impl.Atom10Generator;
import io.meterhub.feeds.read.FeedEntry;
import io.meterhub.feeds.read.FeedPage;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Writes pages and entries as RFC 4287 Atom with Rome. An entry carries its id, title, updated and published times,
 * its categories, a {@code self} link ({@code <feed>/entries/<id>}, as Atom Hopper links entries) and its content;
 * JSON content is written as text, as Yagi and Atom Hopper write it.
 */
public final class AtomRenderer {

    /** The media type of a feed document. */
    public static final String FEED_TYPE = "application/atom+xml";
    /** The media type of an entry document (RFC 5023). */
    public static final String ENTRY_TYPE = "application/atom+xml;type=entry";

    private static final String GENERATOR = "meterhub";

    private AtomRenderer() {}

    /**
     * @param feedUrl the feed's absolute URL without a query: the feed's id, and the base of its entries' links
     * @param title the feed's title
     */
    public static String page(FeedPage page, String feedUrl, String title, List<Link> links) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(feedUrl);
        feed.setTitle(title);
        feed.setUpdated(Date.from(
                page.entries().isEmpty() ? Instant.EPOCH : page.entries().get(0).updated()));
        feed.setAuthors(List.of(author()));
        List<com.rometools.rome.feed.atom.Link> feedLinks = new ArrayList<>();
        links.forEach(l -> feedLinks.add(link(l.rel(), l.href())));
        feed.setOtherLinks(feedLinks);
        List<Entry> entries = new ArrayList<>(page.entries().size());
        page.entries().forEach(e -> entries.add(romeEntry(e, feedUrl)));
        feed.setEntries(entries);
        try {
            return new WireFeedOutput().outputString(feed, false);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write a feed page", e);
        }
    }

    /** A single entry as an Atom entry document. */
    public static String entry(FeedEntry e, String feedUrl) {
        Entry entry = romeEntry(e, feedUrl);
        entry.setAuthors(List.of(author()));
        StringWriter out = new StringWriter();
        try {
            Atom10Generator.serializeEntry(entry, out);
        } catch (FeedException | IOException ex) {
            throw new IllegalStateException("Rome could not write an entry", ex);
        }
        return out.toString();
    }

    /** The URL of an entry of a feed. */
    public static String entryUrl(String feedUrl, String entryId) {
        return feedUrl + "/entries/" + Urls.segment(entryId);
    }

    private static Entry romeEntry(FeedEntry e, String feedUrl) {
        Entry entry = new Entry();
        entry.setId(e.id());
        entry.setTitle(e.title());
        entry.setUpdated(Date.from(e.updated()));
        entry.setPublished(Date.from(e.published()));
        List<Category> categories = new ArrayList<>(e.categories().size());
        for (String term : e.categories()) {
            Category c = new Category();
            c.setTerm(term);
            categories.add(c);
        }
        entry.setCategories(categories);
        entry.setOtherLinks(new ArrayList<>(List.of(link("self", entryUrl(feedUrl, e.id())))));
        Content content = new Content();
        content.setType(e.contentType());
        content.setValue(e.content());
        entry.setContents(new ArrayList<>(List.of(content)));
        return entry;
    }

    private static com.rometools.rome.feed.atom.Link link(String rel, String href) {
        com.rometools.rome.feed.atom.Link link = new com.rometools.rome.feed.atom.Link();
        link.setRel(rel);
        link.setHref(href);
        return link;
    }

    private static Person author() {
        Person p = new Person();
        p.setName(GENERATOR);
        return p;
    }
}
