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
}
