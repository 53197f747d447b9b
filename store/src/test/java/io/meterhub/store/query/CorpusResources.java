package io.meterhub.store.query;

import io.meterhub.model.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** What the test expects of each resource, worked out from the corpus samples alone. */
record CorpusResources(Map<String, Expected> byId) {

    /** One resource: its sample time range, its meters and the samples at its newest time. */
    record Expected(
            String id,
            Instant first,
            Instant last,
            TreeSet<String> meters,
            List<List<String>> meterTriples,
            List<Sample> newest) {

        boolean ownedBy(String projectId, String userId) {
            return newest.stream()
                    .anyMatch(s -> Objects.equals(s.projectId(), projectId) && Objects.equals(s.userId(), userId));
        }
    }

    static CorpusResources of(List<Sample> samples) {
        Map<String, List<Sample>> by = new LinkedHashMap<>();
        for (Sample s : samples) {
            if (s.resourceId() != null) {
                by.computeIfAbsent(s.resourceId(), k -> new ArrayList<>()).add(s);
            }
        }
        Map<String, Expected> out = new LinkedHashMap<>();
        by.forEach((id, list) -> {
            Instant first =
                    list.stream().map(Sample::timestamp).min(Instant::compareTo).orElseThrow();
            Instant last =
                    list.stream().map(Sample::timestamp).max(Instant::compareTo).orElseThrow();
            TreeSet<String> meters = new TreeSet<>();
            List<List<String>> triples = new ArrayList<>();
            for (Sample s : list) {
                meters.add(s.name());
                List<String> t = List.of(s.name(), s.type().wireName(), String.valueOf(s.unit()));
                if (!triples.contains(t)) {
                    triples.add(t);
                }
            }
            List<Sample> newest =
                    list.stream().filter(s -> s.timestamp().equals(last)).toList();
            out.put(id, new Expected(id, first, last, meters, triples, newest));
        });
        return new CorpusResources(out);
    }
}
