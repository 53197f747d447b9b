package io.meterhub.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import io.meterhub.feeds.index.Postings;
import io.meterhub.feeds.read.Feed;
import io.meterhub.feeds.read.FeedQuery;
import io.meterhub.feeds.write.PostedEntry;
import io.meterhub.model.Json;
import io.meterhub.model.Translation;
import io.meterhub.store.DurabilityBarrier;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feeds' write side through the real store writer into the real embedded store. */
class FeedWriterIT {

    @TempDir
    Path dir;

    private FeedStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private List<Document> entries() {
        List<Document> out = new ArrayList<>();
        store.db
                .getCollection(FeedNames.ENTRIES)
                .find()
                .sort(new Document("_id", 1))
                .into(out);
        return out;
    }

    @Test
    void everyStoredNotificationOfTheCorpusBecomesOneEntryInCommitOrder() throws Exception {
        store = new FeedStore(dir, FeedSettings.defaults());
        List<Translation> corpus = CorpusTranslations.corpus();

        store.ingest(corpus);

        List<Document> entries = entries();
        assertThat(entries).hasSize(corpus.size());
        assertThat(entries.stream().map(d -> d.getLong("_id")))
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, corpus.size())
                        .boxed()
                        .toList());
        assertThat(store.feeds.committed().get()).isEqualTo(corpus.size());
        assertThat(store.feeds.writer().entriesPrepared())
                .as("entries made ahead by the submitting thread and left behind")
                .isZero();
        Map<String, Translation> byEntryId = new HashMap<>();
        corpus.forEach(t -> byEntryId.put("urn:uuid:" + t.source().messageId(), t));
        Date previous = new Date(0);
        for (Document e : entries) {
            Translation t = byEntryId.get(e.getString(FeedNames.ENTRY_ID));
            assertThat(t).as(e.getString(FeedNames.ENTRY_ID)).isNotNull();
            assertThat(e.getString(FeedNames.EVENT_TYPE)).isEqualTo(t.source().eventType());
            JsonNode content = Json.mapper().readTree(e.getString(FeedNames.CONTENT));
            content.fieldNames().forEachRemaining(k -> assertThat(k).doesNotStartWith("_"));
            assertThat(content.get("message_id").asText()).isEqualTo(t.source().messageId());
            assertThat(content.get("payload")).isEqualTo(t.source().message().get("payload"));
            assertThat(count(e.getString(FeedNames.SAMPLES)))
                    .isEqualTo(t.samples().size());
            assertThat(count(e.getString(FeedNames.EVENTS)))
                    .isEqualTo(t.events().size());
            assertThat(e.getList(FeedNames.CATEGORIES, String.class))
                    .startsWith(t.source().eventType());
            assertThat(e.getDate(FeedNames.UPDATED)).isAfterOrEqualTo(previous);
            previous = e.getDate(FeedNames.UPDATED);
        }
    }

    private static int count(String jsonArray) throws Exception {
        return jsonArray == null ? 0 : Json.mapper().readTree(jsonArray).size();
    }

    @Test
    void eachEntryIsInThePostingsOfEachOfItsCategoriesAndNowhereElse() throws Exception {
        store = new FeedStore(dir, new FeedSettings(Optional.of("RegionOne"), List.of("dc:ORD1")));
        store.ingest(CorpusTranslations.corpus());

        Map<String, List<Long>> expected = new HashMap<>();
        for (Document e : entries()) {
            for (String term : e.getList(FeedNames.CATEGORIES, String.class)) {
                expected.computeIfAbsent(Postings.normalize(term), k -> new ArrayList<>())
                        .add(e.getLong("_id"));
            }
        }
        assertThat(expected).containsKeys("rgn:regionone", "dc:ord1", "compute.instance.create.end");
        Map<String, List<Long>> actual = new HashMap<>();
        for (Document p : store.db.getCollection(FeedNames.POSTINGS).find()) {
            String id = p.getString("_id");
            String term = id.substring(0, id.lastIndexOf('\u001f'));
            long block = Long.parseLong(id.substring(id.lastIndexOf('\u001f') + 1));
            long[] words = Postings.fromBytes(p.get(Postings.BITS, Binary.class).getData());
            for (int w = 0; w < Postings.WORDS; w++) {
                for (int b = 0; b < 64; b++) {
                    if ((words[w] & (1L << b)) != 0) {
                        actual.computeIfAbsent(term, k -> new ArrayList<>()).add(Postings.firstOf(block) + w * 64L + b);
                    }
                }
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aRedeliveredNotificationGetsNoSecondEntry() throws Exception {
        store = new FeedStore(dir, FeedSettings.defaults());
        List<Translation> first = CorpusTranslations.fresh(30);
        store.ingest(first);
        List<Translation> again = new ArrayList<>(first.subList(10, 20));
        again.addAll(CorpusTranslations.fresh(5));
        again.add(first.get(0));

        store.ingest(again);

        assertThat(entries()).hasSize(35);
        assertThat(entries().stream().map(d -> d.getString(FeedNames.ENTRY_ID)).distinct())
                .hasSize(35);
        assertThat(store.feeds.committed().get()).isEqualTo(35);
    }

    @Test
    void theSequenceResumesAfterARestartAndARedeliveryAfterItStillGetsNoSecondEntry() throws Exception {
        store = new FeedStore(dir, FeedSettings.defaults());
        List<Translation> before = CorpusTranslations.fresh(40);
        store.ingest(before);
        store.close();

        store = new FeedStore(dir, FeedSettings.defaults());
        assertThat(store.feeds.committed().get()).isEqualTo(40);
        List<Translation> after = new ArrayList<>(CorpusTranslations.fresh(10));
        after.add(before.get(39));
        store.ingest(after);

        List<Document> entries = entries();
        assertThat(entries).hasSize(50);
        assertThat(entries.get(49).getLong("_id")).isEqualTo(50L);
        assertThat(entries.get(49).getDate(FeedNames.UPDATED))
                .isAfterOrEqualTo(entries.get(39).getDate(FeedNames.UPDATED));
        assertThat(store.feeds.committed().get()).isEqualTo(50);
    }

    @Test
    void readersSeeNoEntryOfABatchUntilItIsDurable() throws Exception {
        CountDownLatch barrierReached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Boolean> held = new ArrayList<>();
        store = new FeedStore(dir, FeedSettings.defaults(), real -> holding(real, held, barrierReached, release));
        store.ingest(CorpusTranslations.fresh(5));
        held.add(true);

        CompletableFuture<Void> inFlight =
                store.writer.submit(CorpusTranslations.fresh(1).get(0));
        assertThat(barrierReached.await(30, TimeUnit.SECONDS)).isTrue();

        // the entry is in the store already (the embedded store shows uncommitted writes), yet no reader sees it
        assertThat(entries()).hasSize(6);
        assertThat(store.feeds
                        .source()
                        .page(FeedQuery.head(Feed.notifications(), 25))
                        .entries())
                .hasSize(5);
        assertThat(store.feeds
                        .source()
                        .page(FeedQuery.head(Feed.notifications(), 25))
                        .committed())
                .isEqualTo(5);
        release.countDown();
        inFlight.get(30, TimeUnit.SECONDS);
        assertThat(store.feeds
                        .source()
                        .page(FeedQuery.head(Feed.notifications(), 25))
                        .entries())
                .hasSize(6);
    }

    /** A barrier that, once {@code held} says so, stops before syncing until released. */
    private static DurabilityBarrier holding(
            DurabilityBarrier real, List<Boolean> held, CountDownLatch reached, CountDownLatch release) {
        return () -> {
            if (!held.isEmpty()) {
                reached.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            real.sync();
        };
    }

    @Test
    void aPostedEntryIsStoredOnceAndATakenIdIsADuplicate() throws Exception {
        store = new FeedStore(dir, FeedSettings.defaults());
        Translation notification = CorpusTranslations.fresh(1).get(0);
        store.ingest(List.of(notification));
        PostedEntry usage = post("urn:uuid:7d5e3f1c-0000-4000-8000-000000000001");
        PostedEntry sameId = post("urn:uuid:7d5e3f1c-0000-4000-8000-000000000001");
        PostedEntry notificationsId = post("urn:uuid:" + notification.source().messageId());

        store.writer.submit(usage).get(30, TimeUnit.SECONDS);
        store.writer.submit(sameId).get(30, TimeUnit.SECONDS);
        store.writer.submit(notificationsId).get(30, TimeUnit.SECONDS);

        assertThat(usage.outcome().storedAs()).contains(2L);
        assertThat(usage.outcome().isDuplicate()).isFalse();
        assertThat(sameId.outcome().isDuplicate()).isTrue();
        assertThat(notificationsId.outcome().isDuplicate()).isTrue();
        Document stored = store.db
                .getCollection(FeedNames.ENTRIES)
                .find(Filters.eq("_id", 2L))
                .first();
        assertThat(stored.getString(FeedNames.TITLE)).isEqualTo("Server");
        assertThat(stored.getList(FeedNames.CATEGORIES, String.class))
                .containsExactly("compute.instance.exists.verified.cuf", "original_message_id:425b", "tid:2882");
        assertThat(entries()).hasSize(2);
    }

    private static PostedEntry post(String id) {
        return PostedEntry.of(
                id,
                "compute.instance.exists.verified.cuf",
                "Server",
                "application/xml",
                "<event xmlns=\"http://docs.rackspace.com/core/event\" tenantId=\"2882\"/>",
                List.of("original_message_id:425b"),
                Optional.of("2882"),
                Optional.of(Instant.parse("2012-09-16T11:51:11Z")));
    }
}
