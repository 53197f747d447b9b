package io.meterhub.store.retention;

import com.mongodb.client.model.Filters;
import java.util.Date;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * What one expirer pass deletes from one collection: documents whose {@code field} is below {@code limit} (and that
 * match {@code scope}). With {@code recheck}, a candidate is read again by {@code _id} just before it is deleted,
 * while no batch is being written, and kept if ingest has moved it past the limit meanwhile (a resource that got a
 * new sample, a meter's all-time rollup that got a new day).
 *
 * @param limit a {@link Date} or a {@link Long}, compared with the stored value of the same type
 */
record ExpiryRule(String name, String collection, String field, Object limit, Bson scope, boolean recheck) {

    /** The filter that finds candidates (the embedded store answers it by scanning the collection). */
    Bson candidates() {
        return Filters.and(scope, Filters.lt(field, limit));
    }

    /** Whether the document, as read again, is still below the limit. */
    boolean stillExpired(Document d) {
        Object v = d.get(field);
        if (limit instanceof Date l) {
            return v instanceof Date t && t.before(l);
        }
        return v instanceof Number n && n.longValue() < ((Number) limit).longValue();
    }
}
