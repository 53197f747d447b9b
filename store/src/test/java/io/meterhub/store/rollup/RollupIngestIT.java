package io.meterhub.store.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Filters;
import io.meterhub.model.Sample;
import io.meterhub.model.Translation;
import io.meterhub.store.StoreNames;
import io.meterhub.store.WriteBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rollups maintained by the ingest repository on the real embedded store: they hold what the stored samples add up
 * to, and a redelivery, a rollup write cut off after the samples were inserted, or a process that dies there do not
 * count a sample twice or lose it.
 */
class RollupIngestIT {

    @TempDir
    Path dir;

    /** The corpus and three later copies of it (25 min, 50 min and 26 h later), in batches of 40 notifications. */
    private static List<WriteBatch> batches() {
        List<Translation> all = new ArrayList<>(CorpusSamples.translations());
        all.addAll(CorpusSamples.shifted(Duration.ofMinutes(25), "+25m"));
        all.addAll(CorpusSamples.shifted(Duration.ofMinutes(50), "+50m"));
        all.addAll(CorpusSamples.shifted(Duration.ofHours(26), "+26h"));
        List<WriteBatch> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 40) {
            batches.add(new WriteBatch(all.subList(i, Math.min(all.size(), i + 40)), List.of()));
        }
        return batches;
    }

    private static List<Sample> samples(List<WriteBatch> batches) {
        return batches.stream()
                .flatMap(b -> b.translations().stream())
                .flatMap(t -> t.samples().stream())
                .toList();
    }

    /** Every rollup document by key, without the bookkeeping sequence number. */
    private static Map<String, Document> rollups(TestStore s) {
        Map<String, Document> out = new TreeMap<>();
        for (Document d : s.collection(StoreNames.ROLLUPS).find()) {
            d.remove(RollupFields.SEQ);
            out.put(d.getString("_id"), d);
        }
        return out;
    }

    private Map<String, Document> reference(List<WriteBatch> batches) {
        try (TestStore clean = TestStore.open(dir.resolve("reference"))) {
            batches.forEach(clean.repository::write);
            return rollups(clean);
        }
    }

    /** Equal documents, fractional sums compared to 1e-9 relative (they are added up in another order). */
    private static void assertSameRollups(Map<String, Document> actual, Map<String, Document> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, want) -> {
            Document got = actual.get(key);
            assertThat(got.keySet()).as(key).isEqualTo(want.keySet());
            want.forEach((field, value) -> {
                Object v = got.get(field);
                if (value instanceof Double d) {
                    assertThat(((Number) v).doubleValue())
                            .as("%s %s", key, field)
                            .isCloseTo(d, org.assertj.core.data.Offset.offset(Math.abs(d) * 1e-9 + 1e-9));
                } else {
                    assertThat(v).as("%s %s", key, field).isEqualTo(value);
                }
            });
        });
    }

    private static Document cell(Map<String, Document> rollups, String key) {
        assertThat(rollups).containsKey(key);
        return rollups.get(key);
    }

    @Test
    void rollupsHoldWhatTheStoredSamplesAddUpTo() {
        List<WriteBatch> batches = batches();
        List<Sample> samples = samples(batches);
        Map<String, Document> rollups;
        try (TestStore s = TestStore.open(dir)) {
            batches.forEach(s.repository::write);
            rollups = rollups(s);
        }

        Predicate<Sample> memory = x -> x.name().equals("memory");
        List<Sample> memorySamples = samples.stream().filter(memory).toList();
        Document total = cell(rollups, "memory|m||*");
        assertThat(total.get("count", Number.class).longValue()).isEqualTo(memorySamples.size());
        assertThat(total.get("isum", Number.class).longValue())
                .isEqualTo(memorySamples.stream()
                        .filter(x -> x.volume() != null)
                        .mapToLong(x -> x.volume().longValue())
                        .sum());
        assertThat(total.get("n", Number.class).longValue())
                .isEqualTo(
                        memorySamples.stream().filter(x -> x.volume() != null).count());
        assertThat(total.get("max", Number.class).doubleValue())
                .isEqualTo(memorySamples.stream()
                        .filter(x -> x.volume() != null)
                        .mapToDouble(x -> x.volume().doubleValue())
                        .max()
                        .orElseThrow());
        assertThat(RollupTime.instant(total.get("first", Number.class).longValue()))
                .isEqualTo(memorySamples.stream()
                        .map(Sample::timestamp)
                        .min(java.util.Comparator.naturalOrder())
                        .orElseThrow());
        assertThat(total.getList("units", String.class)).containsExactly("MB");

        // one resource's volume.size samples on one day, by hour
        Sample someVolume = samples.stream()
                .filter(x -> x.name().equals("volume.size"))
                .findFirst()
                .orElseThrow();
        long day = RollupTime.epochDay(RollupTime.micros(someVolume.timestamp()));
        List<Sample> sameDay = samples.stream()
                .filter(x -> x.name().equals("volume.size")
                        && x.resourceId().equals(someVolume.resourceId())
                        && RollupTime.epochDay(RollupTime.micros(x.timestamp())) == day)
                .toList();
        Document dayDoc =
                cell(rollups, RollupKeys.day("volume.size", RollupDimension.RESOURCE, someVolume.resourceId(), day));
        assertThat(dayDoc.get("count", Number.class).longValue()).isEqualTo(sameDay.size());
        int hour = RollupTime.hourOfDay(RollupTime.micros(someVolume.timestamp()));
        long inHour = sameDay.stream()
                .filter(x -> RollupTime.hourOfDay(RollupTime.micros(x.timestamp())) == hour)
                .count();
        assertThat(dayDoc.get(RollupFields.hour(hour) + "count", Number.class).longValue())
                .isEqualTo(inHour);
        assertThat(sameDay).hasSizeGreaterThan(1);
    }

    @Test
    void redeliveredNotificationsAreNotCountedTwice() {
        List<WriteBatch> batches = batches();
        Map<String, Document> expected = reference(batches);
        try (TestStore s = TestStore.open(dir.resolve("store"))) {
            batches.forEach(s.repository::write);

            batches.forEach(s.repository::write);
            List<Translation> mixed = new ArrayList<>(batches.get(3).translations());
            mixed.addAll(batches.get(1).translations().subList(0, 5));
            mixed.addAll(batches.get(3).translations().subList(0, 2));
            s.repository.write(new WriteBatch(mixed, List.of()));

            assertSameRollups(rollups(s), expected);
        }
    }

    /**
     * A rollup document whose {@code count} is a string makes the store refuse that one upsert after the batch's
     * samples were inserted and its other rollups written: the write fails between samples and rollups.
     */
    private static void poison(TestStore s, String key) {
        s.collection(StoreNames.ROLLUPS).insertOne(new Document("_id", key).append("count", "poison"));
    }

    /** A rollup key batch {@code index} writes that no earlier batch wrote. */
    private static String newKey(List<WriteBatch> batches, int index) {
        RollupFold earlier = new RollupFold();
        samples(batches.subList(0, index)).forEach(x -> earlier.add(RollupInput.of(x)));
        RollupFold fold = new RollupFold();
        samples(batches.subList(index, index + 1)).forEach(x -> fold.add(RollupInput.of(x)));
        return fold.keys().stream()
                .filter(k -> !earlier.keys().contains(k))
                .findFirst()
                .orElseThrow();
    }

    private static void cure(TestStore s, String key) {
        s.collection(StoreNames.ROLLUPS).deleteOne(Filters.eq("_id", key));
    }

    @Test
    void aRollupWriteCutOffAfterTheSamplesIsCompletedByTheNextWrite() {
        List<WriteBatch> batches = batches();
        Map<String, Document> expected = reference(batches);
        String key = "memory|m||*";
        try (TestStore s = TestStore.open(dir.resolve("store"))) {
            poison(s, key);

            assertThatThrownBy(() -> s.repository.write(batches.get(0))).isInstanceOf(MongoBulkWriteException.class);
            long stored = s.collection(StoreNames.SAMPLES).countDocuments();
            assertThat(stored)
                    .as("the samples were inserted before the rollups failed")
                    .isEqualTo(samples(batches.subList(0, 1)).size());
            assertThat(rollups(s).keySet()).as("the other rollups were written").hasSizeGreaterThan(1);
            cure(s, key);

            // the next write is another batch: it completes the failed one first; then the failed one is redelivered
            s.repository.write(batches.get(1));
            s.repository.write(batches.get(0));
            batches.subList(2, batches.size()).forEach(s.repository::write);

            assertSameRollups(rollups(s), expected);
        }
    }

    @Test
    void aProcessThatDiesBetweenSamplesAndRollupsLosesNoSampleAfterRestart() {
        List<WriteBatch> batches = batches();
        Map<String, Document> expected = reference(batches);
        String key = newKey(batches, 2);
        Path store = dir.resolve("store");
        try (TestStore s = TestStore.open(store)) {
            batches.subList(0, 2).forEach(s.repository::write);
            poison(s, key);
            assertThatThrownBy(() -> s.repository.write(batches.get(2))).isInstanceOf(MongoBulkWriteException.class);
            // what a real MongoDB would hold when the process died here: samples stored, rollups partly
            s.store.barrier().sync();
        }
        try (TestStore s = TestStore.open(store)) {
            cure(s, key);

            int completed = s.repository.recoverRollups();

            assertThat(completed)
                    .as("only the rollup documents that missed the batch")
                    .isEqualTo(1);
            batches.subList(2, batches.size()).forEach(s.repository::write);
            assertSameRollups(rollups(s), expected);
            assertThat(s.repository.recoverRollups()).isZero();
        }
    }
}
