package io.meterhub.store.rollup;

import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Folds samples into one delta per rollup document: for each {@link RollupDimension} the sample has a value in, the
 * day document of its UTC day (with the hour's slot), and the meter's all-time document (which tells readers the
 * meter's first and last sample and units). However many samples of a batch fall into the same document, the batch
 * writes it once.
 */
public final class RollupFold {

    private final Map<String, RollupDelta> deltas = new LinkedHashMap<>();

    public void add(RollupInput in) {
        long micros = RollupTime.micros(in.timestamp());
        long day = RollupTime.epochDay(micros);
        for (RollupDimension d : RollupDimension.values()) {
            String value = d.valueOf(in);
            if (value == null) {
                continue;
            }
            String dayKey = RollupKeys.day(in.meter(), d, value, day);
            deltas.computeIfAbsent(dayKey, k -> RollupDelta.day(k, in.meter(), d, value, day))
                    .add(in, micros);
        }
        String totalKey = RollupKeys.total(in.meter());
        deltas.computeIfAbsent(totalKey, k -> RollupDelta.total(k, in.meter())).add(in, micros);
    }

    public void addAll(Collection<RollupInput> inputs) {
        inputs.forEach(this::add);
    }

    public boolean isEmpty() {
        return deltas.isEmpty();
    }

    /** The rollup documents this fold writes. */
    public int documents() {
        return deltas.size();
    }

    /** The keys of the documents this fold writes. */
    public Set<String> keys() {
        return deltas.keySet();
    }

    /** One upsert per document, each recording {@code seq}. */
    public List<WriteModel<Document>> models(long seq) {
        return models(seq, deltas.keySet());
    }

    /** The upserts of the given documents only. */
    public List<WriteModel<Document>> models(long seq, Set<String> keys) {
        List<WriteModel<Document>> models = new ArrayList<>(keys.size());
        for (RollupDelta d : deltas.values()) {
            if (keys.contains(d.key())) {
                models.add(d.model(seq));
            }
        }
        return models;
    }

    RollupDelta delta(String key) {
        return deltas.get(key);
    }
}
