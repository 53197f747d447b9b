package io.meterhub.feeds;

/** Collection and field names of the feeds' schema, in one place. */
public final class FeedNames {

    /** One document per feed entry, {@code _id} = its sequence number (a long), unique {@link #ENTRY_ID}. */
    public static final String ENTRIES = "feed_entries";
    /** Category postings: one document per category and block of sequence numbers, a bitmap of its entries. */
    public static final String POSTINGS = "feed_postings";
    /** The writer's state: the sequence numbers reserved so far and the time of the last batch. */
    public static final String STATE = "feed_state";

    /** The Atom id of the entry ({@code urn:uuid:<message_id>} for a notification); unique. */
    public static final String ENTRY_ID = "entry_id";
    /** The notification's event type (of a posted entry: the type it was posted as). */
    public static final String EVENT_TYPE = "event_type";
    /** When the entry was committed: non-decreasing in sequence order. */
    public static final String UPDATED = "updated";
    /** When the notification was emitted, or the posted entry's own {@code published}. */
    public static final String PUBLISHED = "published";
    /** The one project the entry belongs to; absent when it belongs to none or to several. */
    public static final String PROJECT = "project";
    /** The entry's category terms, as rendered. */
    public static final String CATEGORIES = "categories";
    /** The entry's content as text: a notification's JSON without its {@code _}-keys, or a posted content. */
    public static final String CONTENT = "content";
    /** The content's media type; absent for a notification ({@code application/json}). */
    public static final String CONTENT_TYPE = "content_type";
    /** The title of a posted entry; absent for a notification (its title is the event type). */
    public static final String TITLE = "title";
    /** The JSON array of the notification's samples, when it made any. */
    public static final String SAMPLES = "samples";
    /** The JSON array of the notification's events, when it made any. */
    public static final String EVENTS = "events";
    /** A posted entry's nonce: tells the writer's own earlier attempt from another poster's entry with that id. */
    public static final String NONCE = "nonce";

    /** The unique index on {@link #ENTRY_ID}. */
    public static final String ENTRY_ID_INDEX = "entry_id_unique";

    private FeedNames() {}
}
