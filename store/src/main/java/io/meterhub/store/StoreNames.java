package io.meterhub.store;

/** Collection and field names of the meterhub schema, in one place. */
public final class StoreNames {

    /** Default database name when the store URI names none. */
    public static final String DEFAULT_DATABASE = "meterhub";

    public static final String SAMPLES = "samples";
    public static final String EVENTS = "events";
    public static final String RESOURCES = "resources";
    public static final String DEAD_LETTERS = "dead_letters";
    /** Pre-aggregated statistics per meter, group and day (with hourly slots) or over all time. */
    public static final String ROLLUPS = "rollups";
    /** The sample ids of the batch whose rollups were written last, for recovery after a failed write. */
    public static final String ROLLUP_JOURNAL = "rollup_journal";

    /** Field of samples and events holding the id of the notification they came from. */
    public static final String NOTIFICATION_ID = "notification_id";
    /** Field holding when the hub stored a document. */
    public static final String RECORDED_AT = "recorded_at";
    /** Field of samples holding the sequence number of the batch that inserted them (rollup recovery). */
    public static final String ROLLUP_SEQ = "rollup_seq";

    private StoreNames() {}
}
