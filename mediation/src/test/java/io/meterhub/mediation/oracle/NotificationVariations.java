package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Notifications Ceilometer's tests never sent, made deterministically from the real ones of the corpus: each variant
 * is a corpus notification with a new message_id and one change (sometimes a second one), of these kinds:
 *
 * <ul>
 *   <li>{@code timestamp}: other timestamp formats, offsets, precisions, and ones parse_isotime rejects
 *   <li>{@code field-removed}: a field the definitions read, any payload field, or a field of the message
 *   <li>{@code value-replaced}: null, {@code ""}, numeric strings, huge numbers, floats, booleans, containers
 *   <li>{@code unicode}: non-ASCII names, ids and metadata, escaped or not
 *   <li>{@code event-type}: siblings, phases, the meters' lookahead exclusions, regex and glob edge cases
 *   <li>{@code big-payload}: many metadata keys, many fields, long values
 *   <li>{@code priority}: what oslo.messaging routes (or drops) by priority
 *   <li>{@code wire-form}: oslo v2 envelopes, other envelope versions, v1-style bare messages
 * </ul>
 *
 * The same corpus and seed give the same variants.
 */
public final class NotificationVariations {

    /** The seed the differential tests use unless told otherwise. */
    public static final long DEFAULT_SEED = 19_0_0L;

    private static final int SECOND_CHANGE_PERCENT = 15;
    private static final int ATTEMPTS = 20;

    private record Recipe(String kind, int count, Variation variation) {}

    private NotificationVariations() {}

    /** Variants of the corpus on the test classpath ({@code /corpus/notifications.jsonl}). */
    public static List<Variant> ofCorpus(long seed) {
        return of(corpus(), seed);
    }

    /** How many variants of each kind {@link #of} makes (fewer when a kind finds nothing to change). */
    public static Map<String, Integer> plan() {
        Map<String, Integer> plan = new LinkedHashMap<>();
        recipes(List.of("x")).forEach(r -> plan.put(r.kind(), r.count()));
        return plan;
    }

    /**
     * Variants of {@code corpus} (oslo inner messages, one per element).
     *
     * @param seed the same seed gives the same variants
     */
    public static List<Variant> of(List<String> corpus, long seed) {
        Random random = new Random(seed);
        Map<String, List<ObjectNode>> byType = new LinkedHashMap<>();
        List<ObjectNode> all = new ArrayList<>();
        for (String line : corpus) {
            ObjectNode m = OracleJson.object(line);
            all.add(m);
            byType.computeIfAbsent(m.path("event_type").asText(), k -> new ArrayList<>())
                    .add(m);
        }
        List<String> types = new ArrayList<>(byType.keySet());
        List<Recipe> recipes = recipes(types);
        List<Variant> variants = new ArrayList<>();
        for (Recipe recipe : recipes) {
            for (int i = 0; i < recipe.count(); i++) {
                ObjectNode base = random.nextBoolean()
                        ? all.get(random.nextInt(all.size()))
                        : pick(byType.get(types.get(random.nextInt(types.size()))), random);
                Variant v = variant(base, recipe, recipes, random);
                if (v != null) {
                    variants.add(v);
                }
            }
        }
        return variants;
    }

    private static Variant variant(ObjectNode base, Recipe recipe, List<Recipe> recipes, Random random) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Draft draft = new Draft(base.deepCopy());
            String id = renewIds(draft.message(), random);
            String note = recipe.variation().apply(draft, random);
            if (note == null) {
                continue;
            }
            note = recipe.kind() + ": " + note;
            if (random.nextInt(100) < SECOND_CHANGE_PERCENT) {
                Recipe other = recipes.get(random.nextInt(recipes.size()));
                String second = other == recipe ? null : other.variation().apply(draft, random);
                if (second != null) {
                    note += "; " + other.kind() + ": " + second;
                }
            }
            return new Variant(
                    id,
                    draft.line(),
                    note + " [from " + base.path("message_id").asText() + " "
                            + base.path("event_type").asText() + "]");
        }
        return null;
    }

    private static List<Recipe> recipes(List<String> corpusTypes) {
        return List.of(
                new Recipe("timestamp", 450, new TimestampVariation()),
                new Recipe("field-removed", 400, new FieldRemovalVariation()),
                new Recipe("value-replaced", 550, new ValueVariation()),
                new Recipe("unicode", 250, new UnicodeVariation()),
                new Recipe("event-type", 450, new EventTypeVariation(corpusTypes)),
                new Recipe("big-payload", 120, new BigPayloadVariation()),
                new Recipe("priority", 150, new PriorityVariation()),
                new Recipe("wire-form", 250, new WireFormVariation()));
    }

    /** A new message_id (and _unique_id, which oslo.messaging de-duplicates by); returns the message_id. */
    private static String renewIds(ObjectNode message, Random random) {
        String id = uuid(random).toString();
        message.put("message_id", id);
        if (message.has("_unique_id")) {
            message.put("_unique_id", uuid(random).toString().replace("-", ""));
        }
        return id;
    }

    private static UUID uuid(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    private static <T> T pick(List<T> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }

    /** The corpus notifications on the test classpath. */
    public static List<String> corpus() {
        return resourceLines("/corpus/notifications.jsonl");
    }

    static List<String> resourceLines(String resource) {
        InputStream in = NotificationVariations.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the test classpath");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
