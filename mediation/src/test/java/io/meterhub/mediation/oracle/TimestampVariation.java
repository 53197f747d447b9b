package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Writes the notification's {@code timestamp}, or a date field of its payload (launched_at, created_at,
 * audit_period_*, which the timedelta plugin and datetime traits read), in another format: the ones OpenStack
 * services write, ones {@code oslo_utils.timeutils.parse_isotime} accepts although nobody writes them, and ones it
 * rejects.
 */
final class TimestampVariation implements Variation {

    private static final Pattern DATE_LIKE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}([ T].*)?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A way to write the instant {@code utc} (a UTC wall-clock time with microseconds). */
    private record Format(String name, BiFunction<LocalDateTime, Random, JsonNode> render) {}

    private static final List<Format> FORMATS = List.of(
            text("space, microseconds (nova)", "uuuu-MM-dd HH:mm:ss.SSSSSS", 0),
            text("T, microseconds, Z", "uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", 0),
            text("T, microseconds, +00:00", "uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'", 0),
            text("T, microseconds, no zone", "uuuu-MM-dd'T'HH:mm:ss.SSSSSS", 0),
            text("offset +02:00", "uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+02:00'", 2 * 60),
            text("space, offset -05:30", "uuuu-MM-dd HH:mm:ss.SSSSSS'-05:30'", -(5 * 60 + 30)),
            text("offset +14:00", "uuuu-MM-dd'T'HH:mm:ss'+14:00'", 14 * 60),
            text("offset -12:00", "uuuu-MM-dd'T'HH:mm:ss'-12:00'", -12 * 60),
            text("offset -00:00", "uuuu-MM-dd'T'HH:mm:ss.SSSSSS'-00:00'", 0),
            text("offset +0200 without colon", "uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+0200'", 2 * 60),
            text("offset +02 hours only", "uuuu-MM-dd'T'HH:mm:ss'+02'", 2 * 60),
            text("space, no fraction", "uuuu-MM-dd HH:mm:ss", 0),
            text("T, no fraction, Z", "uuuu-MM-dd'T'HH:mm:ss'Z'", 0),
            text("milliseconds", "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", 0),
            text("one-digit fraction", "uuuu-MM-dd HH:mm:ss.S", 0),
            text("comma before the fraction", "uuuu-MM-dd HH:mm:ss,SSSSSS", 0),
            text("date only", "uuuu-MM-dd", 0),
            text("basic format", "uuuuMMdd'T'HHmmss'Z'", 0),
            text("no seconds", "uuuu-MM-dd'T'HH:mm", 0),
            text("hours only", "uuuu-MM-dd'T'HH", 0),
            text("lower-case t and z", "uuuu-MM-dd't'HH:mm:ss'z'", 0),
            text("one-digit month and day", "uuuu-M-d HH:mm:ss", 0),
            text("day/month/year (rejected)", "dd/MM/uuuu HH:mm:ss", 0),
            text("trailing UTC (rejected)", "uuuu-MM-dd HH:mm:ss' UTC'", 0),
            text("space before the offset", "uuuu-MM-dd HH:mm:ss.SSSSSS' +0200'", 2 * 60),
            text("zone name after the offset", "uuuu-MM-dd'T'HH:mm:ss'+01:00[Europe/Paris]'", 60),
            new Format("week date", (t, r) -> NODES.textNode(DateTimeFormatter.ISO_WEEK_DATE.format(t))),
            new Format("ordinal date", (t, r) -> NODES.textNode(DateTimeFormatter.ISO_ORDINAL_DATE.format(t))),
            new Format(
                    "nanoseconds",
                    (t, r) -> NODES.textNode(format(t, "uuuu-MM-dd'T'HH:mm:ss.SSSSSS") + (100 + r.nextInt(900)))),
            new Format(
                    "fraction with trailing zeros",
                    (t, r) -> NODES.textNode(format(t, "uuuu-MM-dd HH:mm:ss.") + "100000")),
            new Format("spaces around", (t, r) -> str(t, "' 'uuuu-MM-dd HH:mm:ss.SSSSSS' '")),
            new Format("month 13", (t, r) -> str(t, "uuuu-'13'-dd HH:mm:ss")),
            new Format("hour 24", (t, r) -> str(t, "uuuu-MM-dd '24:00:00'")),
            new Format("second 60", (t, r) -> str(t, "uuuu-MM-dd HH:mm:'60'")),
            new Format("30 February", (t, r) -> str(t, "uuuu-'02-30' HH:mm:ss")),
            new Format("offset +25:00", (t, r) -> str(t, "uuuu-MM-dd'T'HH:mm:ss'+25:00'")),
            new Format("five-digit year", (t, r) -> NODES.textNode("1" + format(t, "uuuu-MM-dd'T'HH:mm:ss"))),
            new Format("empty string", (t, r) -> NODES.textNode("")),
            new Format("null", (t, r) -> NODES.nullNode()),
            new Format("epoch seconds as a number", (t, r) -> NODES.numberNode(t.toEpochSecond(ZoneOffset.UTC))),
            new Format("epoch seconds as a string", (t, r) -> NODES.textNode("" + t.toEpochSecond(ZoneOffset.UTC))),
            new Format("words", (t, r) -> NODES.textNode("yesterday")));

    @Override
    public String apply(Draft draft, Random random) {
        Slot target = target(draft, random);
        LocalDateTime utc = instant(target.value(), random);
        Format format = FORMATS.get(random.nextInt(FORMATS.size()));
        JsonNode written = format.render().apply(utc, random);
        target.set(written);
        return target.path() + " = " + written + " (" + format.name() + ")";
    }

    private static Slot target(Draft draft, Random random) {
        Slot timestamp = new Slot(draft.message(), "timestamp", -1, "timestamp");
        if (random.nextInt(10) < 7 || draft.payload() == null) {
            return timestamp;
        }
        List<Slot> dates = Slot.under(draft.payload(), "payload", 3).stream()
                .filter(s -> s.value().isTextual()
                        && DATE_LIKE.matcher(s.value().textValue()).matches())
                .toList();
        return dates.isEmpty() ? timestamp : dates.get(random.nextInt(dates.size()));
    }

    /** The time the slot holds, with a new random microsecond fraction; a random time when it holds none. */
    private static LocalDateTime instant(JsonNode value, Random random) {
        Object parsed = value == null ? null : Canonical.instant(value.isTextual() ? spaceToT(value) : value);
        LocalDateTime base = parsed instanceof java.time.Instant i
                ? LocalDateTime.ofInstant(i, ZoneOffset.UTC)
                : LocalDateTime.of(2012, 1, 1, 0, 0).plusSeconds(random.nextInt(400_000_000));
        return base.withNano(random.nextInt(1_000_000) * 1000);
    }

    private static JsonNode spaceToT(JsonNode text) {
        return NODES.textNode(text.textValue().replace(' ', 'T'));
    }

    private static Format text(String name, String pattern, int offsetMinutes) {
        return new Format(name, (t, r) -> str(t.plusMinutes(offsetMinutes), pattern));
    }

    private static JsonNode str(LocalDateTime t, String pattern) {
        return NODES.textNode(format(t, pattern));
    }

    private static String format(LocalDateTime t, String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(t);
    }
}
