package io.meterhub.store;

/** Collection and field names of the meterhub schema, in one place. */
public final class StoreNames {

    /** Default database name when the store URI names none. */
    public static final String DEFAULT_DATABASE = "meterhub";

    public static final String SAMPLES = "samples";
    public static final String EVENTS = "events";
    public static final String RESOURCES = "resources";
    public static final String DEAD_LETTERS = "dead_letters";

    /** Field of samples and events holding the id of the notification they came from. */
    public static final String NOTIFICATION_ID = "notification_id";
    /** Field holding when the hub stored a document. */
    public static final String RECORDED_AT = "recorded_at";

    private StoreNames() {}
}
