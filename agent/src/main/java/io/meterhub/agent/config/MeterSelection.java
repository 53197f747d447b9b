package io.meterhub.agent.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code meters} of a polling source, with Ceilometer's rules ({@code ceilometer.agent.Source}): each entry is a
 * meter name, an fnmatch pattern ({@code hardware.*}) or an exclusion ({@code !disk.*}). A name is selected unless
 * an exclusion matches it; then when an inclusion matches it; and when the list holds only exclusions, every other
 * name is selected.
 *
 * <p>As Ceilometer refuses them, a list must not be empty, must not mix inclusions with exclusions (except the
 * wildcard {@code *} with exclusions), and must not put the wildcard beside other inclusions.
 */
public final class MeterSelection {

    private final List<String> entries;
    private final List<Pattern> included;
    private final List<Pattern> excluded;

    private MeterSelection(List<String> entries) {
        this.entries = List.copyOf(entries);
        this.included = entries.stream()
                .filter(e -> !e.startsWith("!"))
                .map(Fnmatch::compile)
                .toList();
        this.excluded = entries.stream()
                .filter(e -> e.startsWith("!"))
                .map(e -> Fnmatch.compile(e.substring(1)))
                .toList();
    }

    /**
     * @throws IllegalArgumentException naming the rule broken, in Ceilometer's words
     */
    public static MeterSelection of(List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("No meters specified");
        }
        for (String e : entries) {
            if (e == null || e.isEmpty()) {
                throw new IllegalArgumentException("an empty meter name");
            }
        }
        boolean namedInclusion = entries.stream().anyMatch(e -> e.charAt(0) != '!' && e.charAt(0) != '*');
        boolean exclusion = entries.stream().anyMatch(e -> e.charAt(0) == '!');
        if (namedInclusion && exclusion) {
            throw new IllegalArgumentException("Both included and excluded meters specified");
        }
        if (entries.contains("*") && namedInclusion) {
            throw new IllegalArgumentException("Included meters specified with wildcard");
        }
        return new MeterSelection(entries);
    }

    /** Whether {@code meter} is selected. */
    public boolean selects(String meter) {
        if (excluded.stream().anyMatch(p -> p.matcher(meter).matches())) {
            return false;
        }
        if (included.stream().anyMatch(p -> p.matcher(meter).matches())) {
            return true;
        }
        return included.isEmpty();
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
