package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.oracle.Difference.Kind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * Compares two translations of the same notifications, each a list of result lines in the contract of {@code bin/meterhub
 * translate}, notification by notification: samples as a multiset of {@link SampleKey}s (resource_metadata
 * separately, switchable), events by message id as {@link EventKey}s, and whether each side reported an error. The
 * reasons of errors and the samples' own ids are not compared.
 */
public final class TranslationDiff {

    /**
     * What is compared besides the sample and event fields.
     *
     * @param metadata compare each sample's resource_metadata (as JSON, numbers numerically)
     * @param errors compare whether each side reported an error for a notification
     */
    public record Options(boolean metadata, boolean errors) {

        /** Everything. */
        public static final Options ALL = new Options(true, true);

        /** These options without the resource_metadata comparison. */
        public Options withoutMetadata() {
            return new Options(false, errors);
        }

        /** These options without the error comparison. */
        public Options withoutErrors() {
            return new Options(metadata, false);
        }
    }

    private TranslationDiff() {}

    /** Compares everything; see {@link #compare(List, List, Options)}. */
    public static DiffReport compare(List<JsonNode> expected, List<JsonNode> actual) {
        return compare(expected, actual, Options.ALL);
    }

    /**
     * How {@code actual} differs from {@code expected}.
     *
     * @throws IllegalArgumentException when a line is not a sample, event or error line
     */
    public static DiffReport compare(List<JsonNode> expected, List<JsonNode> actual, Options options) {
        ResultLines e = ResultLines.of(expected);
        ResultLines a = ResultLines.of(actual);
        Set<String> ids = new LinkedHashSet<>(e.ids());
        ids.addAll(a.ids());
        List<Difference> differences = new ArrayList<>();
        for (String id : ids) {
            samples(id, e.samples(id), a.samples(id), options, differences);
            events(id, e.events(id), a.events(id), differences);
            if (options.errors()) {
                errors(id, e, a, differences);
            }
        }
        return new DiffReport(differences);
    }

    private static void samples(
            String id,
            List<ResultLines.Sample> expected,
            List<ResultLines.Sample> actual,
            Options options,
            List<Difference> out) {
        List<ResultLines.Sample> missing = new ArrayList<>(expected);
        List<ResultLines.Sample> extra = new ArrayList<>(actual);
        pair(
                        missing,
                        extra,
                        (x, y) -> x.key().equals(y.key())
                                && (!options.metadata() || Objects.equals(x.metadata(), y.metadata())))
                .clear();
        if (options.metadata()) {
            pair(missing, extra, (x, y) -> x.key().equals(y.key()))
                    .forEach(p -> out.add(new Difference(
                            Kind.SAMPLE_METADATA,
                            id,
                            p.get(0).key() + ": "
                                    + MetadataChanges.describe(
                                            p.get(0).metadata(), p.get(1).metadata()))));
        }
        for (ResultLines.Sample m : List.copyOf(missing)) {
            List<ResultLines.Sample> sameName = extra.stream()
                    .filter(x -> Objects.equals(x.key().name(), m.key().name()))
                    .toList();
            long expectedOfName = missing.stream()
                    .filter(x -> Objects.equals(x.key().name(), m.key().name()))
                    .count();
            if (sameName.size() == 1 && expectedOfName == 1) {
                out.add(new Difference(
                        Kind.SAMPLE_DIFFERS,
                        id,
                        Canonical.show(m.key().name()) + ": "
                                + m.key().changesTo(sameName.get(0).key())));
                missing.remove(m);
                extra.remove(sameName.get(0));
            }
        }
        missing.forEach(
                m -> out.add(new Difference(Kind.SAMPLE_MISSING, id, m.key().toString())));
        extra.forEach(x -> out.add(new Difference(Kind.SAMPLE_EXTRA, id, x.key().toString())));
    }

    private static void events(String id, List<EventKey> expected, List<EventKey> actual, List<Difference> out) {
        List<EventKey> missing = new ArrayList<>(expected);
        List<EventKey> extra = new ArrayList<>(actual);
        pair(missing, extra, EventKey::equals).clear();
        while (!missing.isEmpty() && !extra.isEmpty()) {
            out.add(new Difference(Kind.EVENT_DIFFERS, id, missing.remove(0).changesTo(extra.remove(0))));
        }
        missing.forEach(m -> out.add(new Difference(Kind.EVENT_MISSING, id, m.toString())));
        extra.forEach(x -> out.add(new Difference(Kind.EVENT_EXTRA, id, x.toString())));
    }

    private static void errors(String id, ResultLines expected, ResultLines actual, List<Difference> out) {
        List<String> expectedErrors = expected.errors(id);
        List<String> actualErrors = actual.errors(id);
        if (expectedErrors.isEmpty() == actualErrors.isEmpty()) {
            return;
        }
        boolean expectedSide = !expectedErrors.isEmpty();
        ResultLines other = expectedSide ? actual : expected;
        String reasons = String.join(" | ", expectedSide ? expectedErrors : actualErrors);
        String detail = (expectedSide ? "expected error, actual " : "actual error, expected ")
                + (other.hasOutput(id) ? outputOf(other, id) : "nothing") + ": " + OracleJson.abbreviate(reasons, 400);
        out.add(new Difference(other.hasOutput(id) ? Kind.ERROR_VS_OUTPUT : Kind.ERROR_VS_NO_OUTPUT, id, detail));
    }

    private static String outputOf(ResultLines side, String id) {
        return side.samples(id).size() + " samples and " + side.events(id).size() + " events";
    }

    /** Removes from both lists the pairs {@code same} matches, first come first paired; returns the pairs. */
    private static <T> List<List<T>> pair(List<T> left, List<T> right, BiPredicate<T, T> same) {
        List<List<T>> pairs = new ArrayList<>();
        for (Iterator<T> l = left.iterator(); l.hasNext(); ) {
            T x = l.next();
            for (Iterator<T> r = right.iterator(); r.hasNext(); ) {
                T y = r.next();
                if (same.test(x, y)) {
                    pairs.add(List.of(x, y));
                    l.remove();
                    r.remove();
                    break;
                }
            }
        }
        return pairs;
    }

    /** Describes how two resource_metadata values differ, key by key for objects. */
    static final class MetadataChanges {

        private MetadataChanges() {}

        static String describe(Object expected, Object actual) {
            if (!(expected instanceof Map<?, ?> e) || !(actual instanceof Map<?, ?> a)) {
                return "resource_metadata " + Canonical.show(expected) + " -> " + Canonical.show(actual);
            }
            String onlyExpected = e.keySet().stream()
                    .filter(k -> !a.containsKey(k))
                    .map(String::valueOf)
                    .collect(joining());
            String onlyActual = a.keySet().stream()
                    .filter(k -> !e.containsKey(k))
                    .map(String::valueOf)
                    .collect(joining());
            String changed = e.keySet().stream()
                    .filter(a::containsKey)
                    .filter(k -> !Objects.equals(e.get(k), a.get(k)))
                    .map(k -> k + ": " + Canonical.show(e.get(k)) + " -> " + Canonical.show(a.get(k)))
                    .collect(joining());
            return "resource_metadata keys only expected [" + onlyExpected + "], only actual [" + onlyActual
                    + "], values changed [" + changed + "]";
        }

        private static java.util.stream.Collector<CharSequence, ?, String> joining() {
            return Collectors.joining(", ");
        }
    }
}
