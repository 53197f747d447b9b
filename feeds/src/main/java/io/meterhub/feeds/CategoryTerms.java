package io.meterhub.feeds;

/**
 * The prefixes of the category terms the hub puts on entries besides the bare event type: {@code tid:<project>}
 * and {@code rgn:<region>} as Atom Hopper names them, {@code host:<host>} from the publisher id and
 * {@code meter:<name>} for each meter of the notification's samples.
 */
public final class CategoryTerms {

    public static final String PROJECT = "tid:";
    public static final String HOST = "host:";
    public static final String METER = "meter:";
    public static final String REGION = "rgn:";

    private CategoryTerms() {}
}
