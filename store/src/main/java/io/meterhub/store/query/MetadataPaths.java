package io.meterhub.store.query;

import io.meterhub.store.FieldNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored paths a dotted metadata key of a query can name. The store keeps a metadata key that itself contains
 * a dot as one escaped field ({@code "a.b"} as {@code a．b}), so {@code resource_metadata.a.b.c} may be the nested
 * field {@code a → b → c}, the key {@code a.b} holding {@code c}, and so on: every way of cutting the dotted path
 * into keys, each key escaped with {@link FieldNames#escape}. Ceilometer's MongoDB driver split dotted keys into
 * nested documents ({@code ceilometer/storage/mongo/utils.py improve_keys}), so a query for {@code a.b} found both.
 */
final class MetadataPaths {

    /** Beyond this many segments only the two extremes (all nested, one key) are tried: 2^(n-1) paths otherwise. */
    static final int MAX_SEGMENTS_FOR_ALL_CUTS = 5;

    private MetadataPaths() {}

    /**
     * The stored paths under {@code storedPrefix} for the metadata key path {@code dotted} (without the
     * {@code resource_metadata.} prefix), the all-nested reading first.
     */
    static List<String> of(String storedPrefix, String dotted) {
        String[] segments = dotted.split("\\.", -1);
        List<String> paths = new ArrayList<>();
        if (segments.length > MAX_SEGMENTS_FOR_ALL_CUTS) {
            paths.add(path(storedPrefix, segments, (1 << (segments.length - 1)) - 1));
            paths.add(storedPrefix + "." + FieldNames.escape(dotted));
            return paths;
        }
        // bit i set: a nesting cut after segment i; all bits set = all nested
        for (int cuts = (1 << (segments.length - 1)) - 1; cuts >= 0; cuts--) {
            paths.add(path(storedPrefix, segments, cuts));
        }
        return paths;
    }

    /** The all-nested stored path, for sorting and projection. */
    static String nested(String storedPrefix, String dotted) {
        return of(storedPrefix, dotted).get(0);
    }

    private static String path(String prefix, String[] segments, int cuts) {
        StringBuilder out = new StringBuilder(prefix);
        StringBuilder key = new StringBuilder(segments[0]);
        for (int i = 1; i < segments.length; i++) {
            if ((cuts & (1 << (i - 1))) != 0) {
                out.append('.').append(FieldNames.escape(key.toString()));
                key.setLength(0);
            } else {
                key.append('.');
            }
            key.append(segments[i]);
        }
        return out.append('.').append(FieldNames.escape(key.toString())).toString();
    }
}
