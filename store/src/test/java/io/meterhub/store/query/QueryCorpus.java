package io.meterhub.store.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.EnvelopeDecoder;
import io.meterhub.mediation.MediationSettings;
import io.meterhub.mediation.NotificationTranslator;
import io.meterhub.mediation.RejectedMessageException;
import io.meterhub.mediation.Translators;
import io.meterhub.model.Event;
import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import io.meterhub.model.Sample;
import io.meterhub.model.SampleType;
import io.meterhub.model.Timestamps;
import io.meterhub.model.Trait;
import io.meterhub.model.TraitType;
import io.meterhub.model.Translation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The real corpus as the query tests store it: the samples and events real Ceilometer 19 made of the corpus
 * notifications ({@code /corpus/ceilometer-samples.jsonl}, {@code /corpus/ceilometer-events.jsonl}), as model
 * objects. Ceilometer's sample lines carry no metadata and no sample id: each sample takes both from the sample
 * meterhub's mediation makes of the same notification at the same position (same meter position, same resource),
 * which the differential IT of the mediation module holds equal to Ceilometer's.
 */
final class QueryCorpus {

    /** A datetime-free, float-typed trait the corpus lacks, added to {@link #FLOAT_EVENT_ID} only. */
    static final String FLOAT_TRAIT = "test.load_average";

    static final String FLOAT_EVENT_ID = "f10a7000-0000-4000-8000-000000000001";

    private final List<Sample> samples = new ArrayList<>();
    private final List<JsonNode> sampleLines = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<Translation> translations = new ArrayList<>();

    private QueryCorpus() {}

    static QueryCorpus load() {
        QueryCorpus c = new QueryCorpus();
        Map<String, Notification> notifications = new LinkedHashMap<>();
        Map<String, List<Sample>> mediated = new LinkedHashMap<>();
        NotificationTranslator translator = Translators.create(MediationSettings.defaults());
        EnvelopeDecoder decoder = new EnvelopeDecoder(4 * 1024 * 1024);
        for (JsonNode n : lines("/corpus/notifications.jsonl")) {
            try {
                Notification notification = decoder.decode(n.toString().getBytes(StandardCharsets.UTF_8));
                notifications.put(notification.messageId(), notification);
                mediated.put(
                        notification.messageId(),
                        translator.translate(notification).samples());
            } catch (RejectedMessageException e) {
                // not one Ceilometer made anything of either; checked below by every line finding its notification
            }
        }
        Map<String, List<Sample>> samplesBy = new LinkedHashMap<>();
        Map<String, Integer> position = new LinkedHashMap<>();
        for (JsonNode line : lines("/corpus/ceilometer-samples.jsonl")) {
            String id = line.get("message_id").asText();
            int i = position.merge(id, 1, Integer::sum) - 1;
            Sample twin = twin(mediated.get(id), i, line);
            Sample s = new Sample(
                    Sample.DEFAULT_SOURCE,
                    line.get("name").asText(),
                    SampleType.fromWire(line.get("type").asText()),
                    text(line.get("unit")),
                    volume(line.get("volume")),
                    text(line.get("user_id")),
                    text(line.get("project_id")),
                    text(line.get("resource_id")),
                    time(line.get("timestamp").asText()),
                    twin == null ? Json.mapper().createObjectNode() : twin.resourceMetadata(),
                    twin == null
                            ? UUID.nameUUIDFromBytes((id + "/" + i).getBytes(StandardCharsets.UTF_8))
                                    .toString()
                            : twin.messageId());
            c.samples.add(s);
            c.sampleLines.add(line);
            samplesBy.computeIfAbsent(id, k -> new ArrayList<>()).add(s);
        }
        Map<String, List<Event>> eventsBy = new LinkedHashMap<>();
        for (JsonNode line : lines("/corpus/ceilometer-events.jsonl")) {
            Event e = event(line);
            c.events.add(e);
            eventsBy.computeIfAbsent(e.messageId(), k -> new ArrayList<>()).add(e);
        }
        Event floatEvent = floatEvent(c.events.get(0));
        c.events.add(floatEvent);
        for (String id : union(samplesBy.keySet(), eventsBy.keySet())) {
            Notification n = Objects.requireNonNull(notifications.get(id), () -> "no corpus notification " + id);
            c.translations.add(
                    new Translation(n, samplesBy.getOrDefault(id, List.of()), eventsBy.getOrDefault(id, List.of())));
        }
        Notification first = c.translations.get(0).source();
        c.translations.add(new Translation(first, List.of(), List.of(floatEvent)));
        return c;
    }

    /** The samples, in the order of the corpus lines. */
    List<Sample> samples() {
        return samples;
    }

    /** Ceilometer's line of each sample, in the same order as {@link #samples()}. */
    List<JsonNode> sampleLines() {
        return sampleLines;
    }

    /** The corpus events plus the one event with a float trait. */
    List<Event> events() {
        return events;
    }

    /** What to store: one translation per notification. */
    List<Translation> translations() {
        return translations;
    }

    /** The mediation's sample at the same position, when it is the same meter of the same resource. */
    private static Sample twin(List<Sample> mediated, int i, JsonNode line) {
        if (mediated == null || i >= mediated.size()) {
            return null;
        }
        Sample m = mediated.get(i);
        return Objects.equals(m.resourceId(), text(line.get("resource_id"))) ? m : null;
    }

    private static Event event(JsonNode line) {
        List<Trait> traits = new ArrayList<>();
        for (JsonNode t : line.get("traits")) {
            TraitType type = TraitType.values()[t.get(1).asInt() - 1];
            JsonNode v = t.get(2);
            Object value =
                    switch (type) {
                        case TEXT -> v.asText();
                        case INT -> v.asLong();
                        case FLOAT -> v.asDouble();
                        case DATETIME -> time(v.asText());
                    };
            traits.add(new Trait(t.get(0).asText(), type, value));
        }
        return new Event(
                line.get("message_id").asText(),
                line.get("event_type").asText(),
                time(line.get("generated").asText()),
                traits);
    }

    private static Event floatEvent(Event model) {
        List<Trait> traits = new ArrayList<>(model.traits());
        traits.add(new Trait(FLOAT_TRAIT, TraitType.FLOAT, 0.75));
        return new Event(FLOAT_EVENT_ID, model.eventType(), model.generated().plusSeconds(1), traits);
    }

    static Instant time(String text) {
        return Timestamps.parse(text).orElseThrow(() -> new IllegalArgumentException("not a time: " + text));
    }

    private static Number volume(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isIntegralNumber() ? (Number) v.longValue() : (Number) v.doubleValue();
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        LinkedHashSet<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    private static List<JsonNode> lines(String resource) {
        var in = Objects.requireNonNull(QueryCorpus.class.getResourceAsStream(resource), resource);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<JsonNode> out = new ArrayList<>();
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (!l.isBlank()) {
                    out.add(Json.mapper().readTree(l));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
