package io.meterhub.feeds.atom;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.impl.Atom10Parser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;

/**
 * Reads an entry posted with AtomPub: at most {@code maxBytes}, parsed by {@link HardenedXml} (no DTDs, no
 * entities), the root an {@code atom:entry}, then read by Rome's Atom 1.0 parser. It must have a title; it may have
 * at most {@value #MAX_CATEGORIES} categories of at most {@value #MAX_TERM} characters each.
 */
public final class AtomEntryReader {

    static final int MAX_CATEGORIES = 32;
    static final int MAX_TERM = 256;
    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");

    private final int maxBytes;

    /** @param maxBytes the largest entry accepted, in bytes */
    public AtomEntryReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** @throws InvalidEntryException saying why, fit for the client */
    public ParsedEntry read(byte[] body) throws InvalidEntryException {
        if (body.length > maxBytes) {
            throw new InvalidEntryException(
                    "the entry has " + body.length + " bytes, more than the " + maxBytes + " accepted");
        }
        Document doc;
        try {
            doc = HardenedXml.parse(body);
        } catch (JDOMException | IOException e) {
            throw new InvalidEntryException("the entry is not acceptable XML: " + e.getMessage(), e);
        }
        Element root = doc.getRootElement();
        if (!root.getName().equals("entry") || !ATOM.equals(root.getNamespace())) {
            throw new InvalidEntryException("the document is not an Atom entry (root element " + root.getQualifiedName()
                    + " in namespace '" + root.getNamespaceURI() + "')");
        }
        return fields(parse(root));
    }

    /** Rome reads entries inside a feed: wrap the entry in an empty one. */
    private static Entry parse(Element root) throws InvalidEntryException {
        Element feed = new Element("feed", ATOM);
        feed.addContent(root.detach());
        try {
            Feed parsed = (Feed) new Atom10Parser().parse(new Document(feed), false, Locale.ROOT);
            return parsed.getEntries().get(0);
        } catch (FeedException | RuntimeException e) {
            throw new InvalidEntryException("the entry is not valid Atom: " + e.getMessage(), e);
        }
    }

    private static ParsedEntry fields(Entry e) throws InvalidEntryException {
        String title = e.getTitle();
        if (title == null || title.isBlank()) {
            throw new InvalidEntryException("the entry has no title");
        }
        List<Category> categories = e.getCategories();
        if (categories.size() > MAX_CATEGORIES) {
            throw new InvalidEntryException("the entry has more than " + MAX_CATEGORIES + " categories");
        }
        List<String> terms = new ArrayList<>();
        for (Category c : categories) {
            String term = c.getTerm() == null ? "" : c.getTerm().strip();
            if (term.isEmpty() || term.length() > MAX_TERM) {
                throw new InvalidEntryException("a category term must have 1 to " + MAX_TERM + " characters");
            }
            terms.add(term);
        }
        String type = "text";
        String value = "";
        if (!e.getContents().isEmpty()) {
            Content c = e.getContents().get(0);
            if (c.getSrc() != null) {
                throw new InvalidEntryException("content by reference (src) is not accepted");
            }
            type = c.getType() == null ? "text" : c.getType();
            value = c.getValue() == null ? "" : c.getValue();
        }
        String id = e.getId() == null || e.getId().isBlank() ? null : e.getId().strip();
        return new ParsedEntry(
                Optional.ofNullable(id),
                title.strip(),
                type,
                value,
                terms,
                Optional.ofNullable(e.getPublished()).map(java.util.Date::toInstant));
    }
}
