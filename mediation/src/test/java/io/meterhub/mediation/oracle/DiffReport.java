package io.meterhub.mediation.oracle;

import io.meterhub.mediation.oracle.Difference.Kind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The differences {@link TranslationDiff} found, in notification order, and a readable rendering of them. */
public final class DiffReport {

    private final List<Difference> differences;

    DiffReport(List<Difference> differences) {
        this.differences = List.copyOf(differences);
    }

    /** Every difference, grouped by notification in the order notifications first appeared. */
    public List<Difference> differences() {
        return differences;
    }

    /** Whether the two translations are alike. */
    public boolean isEmpty() {
        return differences.isEmpty();
    }

    /** How many differences of each kind. */
    public Map<Kind, Long> counts() {
        return differences.stream()
                .collect(Collectors.groupingBy(
                        Difference::kind, () -> new EnumMap<>(Kind.class), Collectors.counting()));
    }

    /** The ids of the notifications with differences. */
    public List<String> notificationIds() {
        return differences.stream().map(Difference::notificationId).distinct().toList();
    }

    /**
     * A report of the first {@code first} differences.
     *
     * @param noteOf what to say about a notification (e.g. how a variant was made), or null for nothing
     */
    public String render(int first, Function<String, String> noteOf) {
        StringBuilder b = new StringBuilder()
                .append(differences.size())
                .append(" differences ")
                .append(counts())
                .append(" in ")
                .append(notificationIds().size())
                .append(" notifications");
        if (differences.isEmpty()) {
            return b.toString();
        }
        b.append("; the first ").append(Math.min(first, differences.size())).append(':');
        for (int i = 0; i < first && i < differences.size(); i++) {
            Difference d = differences.get(i);
            String note = noteOf.apply(d.notificationId());
            b.append(System.lineSeparator())
                    .append(String.format("%4d. %s %s", i + 1, d.kind(), d.notificationId()))
                    .append(note == null ? "" : " [" + note + "]")
                    .append(System.lineSeparator())
                    .append("        ")
                    .append(d.detail());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return render(20, id -> null);
    }
}
