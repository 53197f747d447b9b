package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Gives the payload another event type. meters.yaml matches event types as Python regular expressions from the
 * start ({@code re.match}: a {@code .} matches any character, a longer type still matches, and
 * {@code compute.instance.(?!create.start|update).*} excludes by negative lookahead), event_definitions.yaml as
 * shell globs over the whole type ({@code fnmatch}); the variants probe both: sibling types, other phases
 * (start/end/error), the types the lookahead excludes and their near misses, a {@code .} replaced, suffixes and
 * prefixes, other case, types of other services, unknown and non-string types.
 */
final class EventTypeVariation implements Variation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Event types the definitions name, several of them for payloads of other services. */
    private static final List<String> DEFINED = List.of(
            "compute.instance.create.start",
            "compute.instance.create.end",
            "compute.instance.update",
            "compute.instance.exists",
            "compute.instance.delete.end",
            "compute.metrics.update",
            "volume.create.end",
            "volume.resize.end",
            "snapshot.delete.end",
            "image.upload",
            "image.send",
            "image.delete",
            "l3.meter",
            "dns.domain.exists",
            "trove.instance.exists",
            "objectstore.http.request",
            "magnum.bay.metrics.update",
            "capacity.backend.stats",
            "identity.authenticate",
            "network.create.end",
            "port.update.end",
            "floatingip.create.end",
            "stack.create.end",
            "sahara.cluster.create",
            "backup.create.end");

    /** Near the {@code compute.instance.(?!create.start|update).*} lookahead. */
    private static final List<String> LOOKAHEAD = List.of(
            "compute.instance.create.start",
            "compute.instance.update",
            "compute.instance.updated",
            "compute.instance.update.end",
            "compute.instance.create.starting",
            "compute.instance.createXstart",
            "compute.instance.create.stop",
            "compute.instance.create_start",
            "compute.instance.",
            "compute.instance",
            "compute.instanceXcreate.end");

    private record Change(String name, BiFunction<String, Random, JsonNode> type) {}

    private final List<String> corpusTypes;
    private final List<Change> changes;

    EventTypeVariation(List<String> corpusTypes) {
        this.corpusTypes = List.copyOf(corpusTypes);
        this.changes = List.of(
                text("sibling type of the corpus", this::sibling),
                text("other phase", EventTypeVariation::otherPhase),
                text("near the lookahead", (t, r) -> pick(LOOKAHEAD, r)),
                text("defined type", (t, r) -> pick(DEFINED, r)),
                text("a dot replaced", EventTypeVariation::dotReplaced),
                text("suffix", (t, r) -> t + pick(List.of(".extra", "2", "_v2", " ", "\n"), r)),
                text("prefix", (t, r) -> pick(List.of("x", "x.", " ", "notification."), r) + t),
                text("upper case", (t, r) -> t.toUpperCase(Locale.ROOT)),
                text("unknown type", (t, r) -> pick(List.of("meterhub.unknown.type", "unknown", "*", "[a-z]"), r)),
                text("empty", (t, r) -> ""),
                new Change("number", (t, r) -> NODES.numberNode(42)),
                new Change("null", (t, r) -> NODES.nullNode()));
    }

    @Override
    public String apply(Draft draft, Random random) {
        JsonNode before = draft.message().get("event_type");
        String type = before == null || !before.isTextual() ? "" : before.textValue();
        Change change = changes.get(random.nextInt(changes.size()));
        JsonNode after = change.type().apply(type, random);
        draft.message().set("event_type", after);
        return "event_type " + before + " -> " + after.toString().replace("\n", "\\n") + " (" + change.name() + ")";
    }

    /** Another corpus type of the same service (first segment), else any corpus type. */
    private String sibling(String type, Random random) {
        String service = type.split("\\.", 2)[0] + ".";
        List<String> same = corpusTypes.stream()
                .filter(t -> t.startsWith(service) && !t.equals(type))
                .toList();
        return pick(same.isEmpty() ? corpusTypes : same, random);
    }

    private static String otherPhase(String type, Random random) {
        int dot = type.lastIndexOf('.');
        String stem = dot < 0 ? type : type.substring(0, dot);
        return stem + "." + pick(List.of("start", "end", "error"), random);
    }

    private static String dotReplaced(String type, Random random) {
        int dots = (int) type.chars().filter(c -> c == '.').count();
        if (dots == 0) {
            return type + "_x";
        }
        int which = random.nextInt(dots);
        int at = -1;
        for (int i = 0; i <= which; i++) {
            at = type.indexOf('.', at + 1);
        }
        return type.substring(0, at) + pick(List.of("_", "X", "-"), random) + type.substring(at + 1);
    }

    private static String pick(List<String> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }

    private static Change text(String name, BiFunction<String, Random, String> type) {
        return new Change(name, (t, r) -> NODES.textNode(type.apply(t, r)));
    }
}
