package io.meterhub.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @Test
    void readsOsloTimestampWithSpaceAndMicrosecondsAsUtc() {
        assertThat(Timestamps.parse("2016-03-07 16:23:09.259310"))
                .contains(Instant.parse("2016-03-07T16:23:09.259310Z"));
    }

    @Test
    void readsTimestampWithoutFractionAsUtc() {
        assertThat(Timestamps.parse("2015-01-22 00:00:00")).contains(Instant.parse("2015-01-22T00:00:00Z"));
    }

    @Test
    void readsIsoTimestampWithT() {
        assertThat(Timestamps.parse("2012-05-08T20:23:41.425105"))
                .contains(Instant.parse("2012-05-08T20:23:41.425105Z"));
    }

    @Test
    void readsIsoTimestampWithTAndNoFraction() {
        assertThat(Timestamps.parse("2012-05-08T20:23:41")).contains(Instant.parse("2012-05-08T20:23:41Z"));
    }

    @Test
    void readsZuluSuffix() {
        assertThat(Timestamps.parse("2016-03-07T16:23:09.259310Z"))
                .contains(Instant.parse("2016-03-07T16:23:09.259310Z"));
    }

    @Test
    void readsColonOffsetZero() {
        assertThat(Timestamps.parse("2012-05-08T20:23:48.028195+00:00"))
                .contains(Instant.parse("2012-05-08T20:23:48.028195Z"));
    }

    @Test
    void appliesCompactNonZeroOffset() {
        assertThat(Timestamps.parse("2016-03-07T16:23:09+0200")).contains(Instant.parse("2016-03-07T14:23:09Z"));
    }

    @Test
    void appliesColonNegativeOffset() {
        assertThat(Timestamps.parse("2016-03-07 16:23:09.5-05:30")).contains(Instant.parse("2016-03-07T21:53:09.5Z"));
    }

    @Test
    void cutsFractionToMicrosecondsAsPythonDoes() {
        assertThat(Timestamps.parse("2016-03-07T16:23:09.123456789Z"))
                .contains(Instant.parse("2016-03-07T16:23:09.123456Z"));
    }

    @Test
    void refusesSurroundingWhitespaceButOneFinalNewlineAsParseIsotimeDoes() {
        assertThat(Timestamps.parse("2015-01-22 00:00:00\n")).contains(Instant.parse("2015-01-22T00:00:00Z"));
        assertThat(Timestamps.parse("  2015-01-22 00:00:00")).isEmpty();
        assertThat(Timestamps.parse("2015-01-22 00:00:00 ")).isEmpty();
        assertThat(Timestamps.parse("2015-01-22 00:00:00\n\n")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                " ",
                "garbage",
                "yesterday",
                "2016-13-07 16:23:09",
                "2016-03-32T00:00:00",
                "2016-03-07 25:00:00",
                "16:23:09",
                "2016-03-07 16:23:09 trailing",
                "1457367789",
                "2016-03-07T16:23:09+99:00"
            })
    void returnsEmptyForWhatIsNotATimestamp(String text) {
        assertThat(Timestamps.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "2016-03-07 16:23:09.259310,       2016-03-07T16:23:09.259310Z",
        "2016-03-07T16:23:09.259310+00:00, 2016-03-07T16:23:09.259310Z",
        "2016-03-07T16:23:09.259310+0000,  2016-03-07T16:23:09.259310Z",
        "2016-03-07T18:23:09.259310+02:00, 2016-03-07T16:23:09.259310Z",
        "2016-03-07T18:23:09.259310+0200,  2016-03-07T16:23:09.259310Z",
    })
    void everySpellingOfOneInstantReadsTheSame(String text, String expected) {
        assertThat(Timestamps.parse(text)).contains(Instant.parse(expected));
    }

    @Test
    void isoformatIsPythonsIsoformat() {
        assertThat(Timestamps.isoformat(Instant.parse("2016-03-07T16:23:09.259310Z"), false))
                .isEqualTo("2016-03-07T16:23:09.259310");
        assertThat(Timestamps.isoformat(Instant.parse("2016-03-07T06:03:09Z"), true))
                .isEqualTo("2016-03-07T06:03:09+00:00");
        assertThat(Timestamps.isoformat(Instant.parse("2016-03-07T16:23:09.000001Z"), true))
                .isEqualTo("2016-03-07T16:23:09.000001+00:00");
        assertThat(Timestamps.isoformat(Instant.parse("2016-03-07T16:23:09.000999999Z"), false))
                .isEqualTo("2016-03-07T16:23:09.000999");
        assertThat(Timestamps.isoformat(Instant.parse("0999-01-01T00:00:00.1Z"), false))
                .isEqualTo("0999-01-01T00:00:00.100000");
        assertThat(Timestamps.isoformat(Instant.parse("0001-12-31T23:59:59Z"), false))
                .isEqualTo("0001-12-31T23:59:59");
    }

    @Test
    void isoformatAgreesWithTheFormatStringOverManyInstants() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(
                    random.nextLong(-62_000_000_000L, 253_000_000_000L), random.nextInt(1_000_000_000));
            java.time.LocalDateTime l = java.time.LocalDateTime.ofInstant(t, java.time.ZoneOffset.UTC);
            String expected = String.format(
                            "%04d-%02d-%02dT%02d:%02d:%02d",
                            l.getYear(),
                            l.getMonthValue(),
                            l.getDayOfMonth(),
                            l.getHour(),
                            l.getMinute(),
                            l.getSecond())
                    + (l.getNano() / 1000 != 0 ? String.format(".%06d", l.getNano() / 1000) : "");
            assertThat(Timestamps.isoformat(t, false)).as("%s", t).isEqualTo(expected);
        }
    }

    @Test
    void osloFormReadByPositionAgreesWithThePattern() throws Exception {
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of(
                "2016-03-07 16:23:09.259310",
                "2016-03-07T16:23:09.259310",
                "2016-03-07 16:23:09",
                "2016-13-07 16:23:09.259310",
                "2016-02-30 16:23:09",
                "2016-03-07 25:23:09.000000",
                "2016-03-07 16:60:09",
                "2016-03-07 16:23:60.000001",
                "2016-03-07 16:23:61",
                "0000-01-01 00:00:00",
                "2016-03-07 16:23:09.25931a",
                "2016-03-07x16:23:09",
                "2016-03-07 16:23:09,259310",
                "2016-03-07 16-23-09.259310",
                "+016-03-07 16:23:09.259310",
                "2016-03-07 16:23:09.２59310"));
        java.util.Random random = new java.util.Random(7);
        String template = "DDDD-DD-DD DD:DD:DD.DDDDDD";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder t = new StringBuilder();
            for (char c : template.toCharArray()) {
                t.append(c == 'D' ? (char) ('0' + random.nextInt(10)) : c);
            }
            texts.add(i % 2 == 0 ? t.toString() : t.substring(0, 19));
        }
        for (String line : java.nio.file.Files.readAllLines(
                java.nio.file.Path.of("..", "testdata", "corpus", "notifications.jsonl"))) {
            com.fasterxml.jackson.databind.JsonNode n = Json.mapper().readTree(line);
            com.fasterxml.jackson.databind.JsonNode inner = n.has("oslo.message")
                    ? Json.mapper().readTree(n.get("oslo.message").textValue())
                    : n;
            if (inner.path("timestamp").isTextual()) {
                texts.add(inner.get("timestamp").textValue());
            }
        }
        int byPosition = 0;
        for (String text : texts) {
            assertThat(Timestamps.parse(text)).as(text).isEqualTo(Timestamps.parseWithPattern(text));
            if (Timestamps.osloForm(text) != null) {
                byPosition++;
            }
        }
        assertThat(byPosition).isGreaterThan(20_000);
    }
}
