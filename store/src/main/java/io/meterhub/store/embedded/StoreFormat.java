package io.meterhub.store.embedded;

import java.nio.file.Path;
import java.util.Map;
import org.h2.mvstore.MVStore;

/**
 * The format of an embedded store file, recorded in it so that a file written another way is refused with a clear
 * message instead of being misread: documents and index keys as BSON ({@link BsonH2Backend}). Files written by
 * meterhub before this record existed hold Java-serialized documents.
 */
public final class StoreFormat {

    /** The format this version reads and writes. */
    public static final String CURRENT = "bson/1";

    static final String MAP = "meterhub.store";
    static final String KEY = "format";
    private static final String LIBRARY_DATA_MAPS = "databases.";

    private StoreFormat() {}

    /**
     * Records the current format in a new store, or checks the one recorded.
     *
     * @throws IllegalStateException naming the file when it holds data in another format
     */
    public static void check(MVStore store, Path file) {
        Map<String, String> meta = store.openMap(MAP);
        String format = meta.get(KEY);
        if (format == null) {
            boolean hasData = store.getMapNames().stream().anyMatch(n -> n.startsWith(LIBRARY_DATA_MAPS));
            if (hasData) {
                throw new IllegalStateException("the embedded store " + file + " was written by an earlier meterhub,"
                        + " which kept documents Java-serialized; this one keeps them as BSON and cannot read it."
                        + " Move " + file.getParent() + " away (or start with another --data) and restart");
            }
            meta.put(KEY, CURRENT);
        } else if (!format.equals(CURRENT)) {
            throw new IllegalStateException("the embedded store " + file + " has format '" + format
                    + "', which this meterhub does not know (it reads " + CURRENT + ")");
        }
    }
}
