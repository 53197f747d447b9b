package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.jsonpath.python.PyException;
import io.meterhub.mediation.jsonpath.python.PyFloats;
import io.meterhub.mediation.oracle.Difference.Kind;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The differences from Ceilometer that meterhub makes on purpose, each listed under "Deliberate differences from
 * Ceilometer 19" in the README, and nothing else: a difference is explained only when it is of an expected kind AND
 * the engine's own result for that notification says why (its error reason) or the values show it.
 */
public final class DeliberateDifferences {

    /** One documented improvement and how to recognise its differences. */
    public enum Rule {
        /** oslo.messaging drops a notification whose priority it does not dispatch, with only a log line. */
        UNDISPATCHED_PRIORITY_DEAD_LETTERED,
        /** Ceilometer makes an event of type "" out of an empty event_type; meterhub refuses it. */
        EMPTY_EVENT_TYPE_REFUSED,
        /**
         * Ceilometer passes numeric text, a boolean or an integer beyond 64 bits on as the volume; meterhub stores
         * the number Python's float() makes of it.
         */
        VOLUME_AS_NUMBER,
        /** Ceilometer passes any JSON on as the volume; meterhub refuses a volume that is not a number. */
        NON_NUMERIC_VOLUME_REFUSED,
        /** Ceilometer passes a number or boolean on as an id; meterhub stores Python's str() of it. */
        IDS_AS_TEXT,
        /** Ceilometer makes an int trait of any size; meterhub keeps 64-bit integers, as its storage does. */
        INT_TRAITS_64_BIT,
        /** Ceilometer passes a number on as a meter name (from a lookup); meterhub's names are text. */
        NAMES_AS_TEXT,
        /**
         * Ceilometer drops the event of a notification whose own timestamp it cannot parse but makes the samples
         * whose definitions read their timestamp from the payload; meterhub dead-letters the notification whole.
         */
        BAD_NOTIFICATION_TIMESTAMP_DEAD_LETTERED
    }

    private static final Pattern VOLUME_CHANGE = Pattern.compile("^\"[^\"]*\": counter_volume: (.*) -> (\\S+)$");
    private static final Pattern ID_AS_TEXT =
            Pattern.compile("^\"[^\"]*\": (?:(?:resource_id|project_id|user_id): (?!\")\\S+ -> \"[^\"]*\"(?:, |$))+$");

    private static final Pattern UNQUOTED_NAME = Pattern.compile("^[^\"\\s]\\S* (.*)$");
    private static final Pattern QUOTED_NAME = Pattern.compile("^\"[^\"]*\" (.*)$");

    private final ResultLines engine;
    private final List<Difference> all;

    /**
     * @param engineLines the engine's result lines for the compared notifications
     * @param all every difference found, so that a rule can pair a missing sample with an extra one
     */
    public DeliberateDifferences(List<JsonNode> engineLines, List<Difference> all) {
        this.engine = ResultLines.of(engineLines);
        this.all = List.copyOf(all);
    }

    /** The rule that explains {@code d}, if one does. */
    public Optional<Rule> explain(Difference d) {
        for (Rule rule : Rule.values()) {
            if (matcher(rule).test(d, errors(d))) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    private String errors(Difference d) {
        return String.join(" | ", engine.errors(d.notificationId()));
    }

    private BiPredicate<Difference, String> matcher(Rule rule) {
        return switch (rule) {
            case UNDISPATCHED_PRIORITY_DEAD_LETTERED -> (d, errors) ->
                    d.kind() == Kind.ERROR_VS_NO_OUTPUT && errors.startsWith("bad-priority:");
            case EMPTY_EVENT_TYPE_REFUSED -> (d, errors) -> errors.startsWith("missing-event-type:")
                    && (d.kind() == Kind.ERROR_VS_OUTPUT
                            || d.kind() == Kind.EVENT_MISSING && d.detail().startsWith("\"\" generated"));
            case VOLUME_AS_NUMBER -> (d, errors) ->
                    d.kind() == Kind.SAMPLE_DIFFERS && sameNumber(VOLUME_CHANGE.matcher(d.detail()));
            case NON_NUMERIC_VOLUME_REFUSED -> (d, errors) ->
                    errors.matches(".*samples: meter \\S+: volume .* is not a number.*")
                            && kinds(Kind.SAMPLE_MISSING, Kind.ERROR_VS_OUTPUT).contains(d.kind());
            case IDS_AS_TEXT -> (d, errors) -> d.kind() == Kind.SAMPLE_DIFFERS
                    && ID_AS_TEXT.matcher(d.detail()).matches();
            case INT_TRAITS_64_BIT -> (d, errors) -> errors.matches(".*event: trait .* does not fit in 64 bits.*")
                    && kinds(Kind.EVENT_MISSING, Kind.ERROR_VS_OUTPUT).contains(d.kind());
            case BAD_NOTIFICATION_TIMESTAMP_DEAD_LETTERED -> (d, errors) -> errors.startsWith("bad-timestamp:")
                    && kinds(Kind.SAMPLE_MISSING, Kind.ERROR_VS_OUTPUT).contains(d.kind());
            case NAMES_AS_TEXT -> (d, errors) -> nameAsText(d);
        };
    }

    /** A sample missing under a non-text name and made under a text one, alike otherwise (or the other way). */
    private boolean nameAsText(Difference d) {
        boolean missing = d.kind() == Kind.SAMPLE_MISSING;
        if (!missing && d.kind() != Kind.SAMPLE_EXTRA) {
            return false;
        }
        Matcher own = (missing ? UNQUOTED_NAME : QUOTED_NAME).matcher(d.detail());
        if (!own.matches()) {
            return false;
        }
        Kind otherKind = missing ? Kind.SAMPLE_EXTRA : Kind.SAMPLE_MISSING;
        Pattern otherName = missing ? QUOTED_NAME : UNQUOTED_NAME;
        return all.stream()
                .filter(o -> o.kind() == otherKind && o.notificationId().equals(d.notificationId()))
                .map(o -> otherName.matcher(o.detail()))
                .anyMatch(o -> o.matches() && o.group(1).equals(own.group(1)));
    }

    private static Set<Kind> kinds(Kind first, Kind... rest) {
        return EnumSet.of(first, rest);
    }

    private static boolean sameNumber(Matcher m) {
        if (!m.matches()) {
            return false;
        }
        String expected = m.group(1);
        try {
            double asFloat = expected.startsWith("\"") && expected.endsWith("\"")
                    ? PyFloats.parse(expected.substring(1, expected.length() - 1))
                    : switch (expected) {
                        case "true" -> 1.0;
                        case "false" -> 0.0;
                        default -> Double.parseDouble(expected);
                    };
            return asFloat == Double.parseDouble(m.group(2));
        } catch (PyException | NumberFormatException e) {
            return false;
        }
    }
}
