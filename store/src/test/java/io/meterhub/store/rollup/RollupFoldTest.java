package io.meterhub.store.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class RollupFoldTest {

    private static RollupInput sample(String resource, String user, Number volume, String time) {
        return new RollupInput("cpu_util", "%", volume, Instant.parse(time), resource, "p1", user, "openstack");
    }

    private static Map<String, Document> updates(RollupFold fold, long seq) {
        return fold.models(seq).stream()
                .map(m -> (UpdateOneModel<Document>) m)
                .collect(Collectors.toMap(
                        m -> m.getFilter().toBsonDocument().getString("_id").getValue(),
                        m -> (Document) m.getUpdate()));
    }

    @Test
    void foldsManySamplesOfOneDayIntoOneDocumentPerDimension() {
        RollupFold fold = new RollupFold();
        for (int i = 0; i < 100; i++) {
            fold.add(sample("r1", "u1", i, "2024-06-01T%02d:15:00Z".formatted(i % 24)));
        }

        assertThat(fold.keys())
                .as("one day document per dimension, and the meter's all-time document")
                .containsExactlyInAnyOrder(
                        "cpu_util|m||2024-06-01",
                        "cpu_util|r|r1|2024-06-01",
                        "cpu_util|p|p1|2024-06-01",
                        "cpu_util|u|u1|2024-06-01",
                        "cpu_util|m||*");
        assertThat(fold.documents()).isEqualTo(5);
    }

    @Test
    void keepsNoGroupForAFieldTheSampleHasNoValueFor() {
        RollupFold fold = new RollupFold();
        fold.add(sample("r1", null, 1, "2024-06-01T00:00:00Z"));

        assertThat(fold.keys()).noneMatch(k -> k.contains("|u|"));
        assertThat(fold.documents()).isEqualTo(4);
    }

    @Test
    void putsEachSampleInTheHourAndUtcDayItFallsIn() {
        RollupFold fold = new RollupFold();
        fold.add(sample("r1", "u1", 2L, "2024-06-01T23:59:59.999999Z"));
        fold.add(sample("r1", "u1", 3.5, "2024-06-02T00:00:00Z"));
        fold.add(sample("r1", "u1", null, "2024-06-01T23:00:00Z"));

        Map<String, Document> updates = updates(fold, 7);
        Document june1 = updates.get("cpu_util|r|r1|2024-06-01");
        Document inc = june1.get("$inc", Document.class);
        assertThat(inc).containsEntry("count", 2L).containsEntry("n", 1L).containsEntry("isum", 2L);
        assertThat(inc).containsEntry("h23_count", 2L).doesNotContainKey("h00_count");
        assertThat(june1.get("$min", Document.class))
                .containsEntry("min", 2.0)
                .containsEntry("first", RollupTime.micros(Instant.parse("2024-06-01T23:00:00Z")));
        assertThat(june1.get("$max", Document.class))
                .containsEntry("h23_last", RollupTime.micros(Instant.parse("2024-06-01T23:59:59.999999Z")));
        assertThat(june1.get("$set", Document.class)).containsEntry("seq", 7L);
        assertThat(june1.get("$setOnInsert", Document.class))
                .containsEntry("day", java.util.Date.from(Instant.parse("2024-06-01T00:00:00Z")));
        Document june2 = updates.get("cpu_util|r|r1|2024-06-02").get("$inc", Document.class);
        assertThat(june2)
                .containsEntry("h00_count", 1L)
                .containsEntry("dsum", 3.5)
                .containsEntry("isum", 0L);
        Document total = updates.get("cpu_util|m||*");
        assertThat(total.get("$inc", Document.class)).containsEntry("count", 3L).doesNotContainKey("h23_count");
        assertThat(total.get("$addToSet", Document.class).get("units", Document.class))
                .containsEntry("$each", List.of("%"));
    }

    @Test
    void escapesTheSeparatorSoThatDistinctGroupsNeverShareAKey() {
        String a = RollupKeys.day("a|m", RollupDimension.RESOURCE, "x", 0);
        String b = RollupKeys.day("a", RollupDimension.RESOURCE, "m|r|x", 0);
        String c = RollupKeys.day("a\\", RollupDimension.RESOURCE, "x", 0);

        assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
        assertThat(a).isEqualTo("a\\|m|r|x|1970-01-01");
    }

    @Test
    void writesOnlyTheRequestedDocuments() {
        RollupFold fold = new RollupFold();
        fold.add(sample("r1", "u1", 1, "2024-06-01T00:00:00Z"));

        List<WriteModel<Document>> models = fold.models(1, java.util.Set.of("cpu_util|m||*"));

        assertThat(models).hasSize(1);
    }
}
