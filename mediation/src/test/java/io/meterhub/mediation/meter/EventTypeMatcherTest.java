package io.meterhub.mediation.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ceilometer compiles each meters.yaml event_type as a regular expression and applies Python's re.match. */
class EventTypeMatcherTest {

    private static final EventTypeMatcher INSTANCE_EVENTS =
            EventTypeMatcher.of("compute.instance.(?!create.start|update).*");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "compute.instance.create.end",
                "compute.instance.delete.start",
                "compute.instance.exists",
                "compute.instance.resize.confirm.end",
                "compute.instance.create.error",
                "compute.instance.power_off.end"
            })
    void instanceEventsMatchEveryInstanceNotification(String eventType) {
        assertThat(INSTANCE_EVENTS.matches(eventType)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"compute.instance.create.start", "compute.instance.update", "compute.instance.update.extra"})
    void negativeLookaheadExcludesCreateStartAndUpdate(String eventType) {
        assertThat(INSTANCE_EVENTS.matches(eventType)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "compute.instance",
                "xcompute.instance.create.end",
                "volume.create.end",
                "",
                "Compute.Instance.create.end"
            })
    void instanceEventsDoNotMatchOtherNotifications(String eventType) {
        assertThat(INSTANCE_EVENTS.matches(eventType)).isFalse();
    }

    @Test
    void isAnchoredAtTheStartOnly() {
        EventTypeMatcher m = EventTypeMatcher.of("image.upload");

        assertThat(m.matches("image.upload")).isTrue();
        assertThat(m.matches("image.upload.end"))
                .as("re.match ignores what follows")
                .isTrue();
        assertThat(m.matches("image.uploaded")).isTrue();
        assertThat(m.matches("the.image.upload")).as("re.match does not search").isFalse();
    }

    @Test
    void dotIsAnyCharacterAsInPython() {
        EventTypeMatcher m = EventTypeMatcher.of("volume.create.*");

        assertThat(m.matches("volume.create.end")).isTrue();
        assertThat(m.matches("volume.create.start")).isTrue();
        assertThat(m.matches("volume_create")).isTrue();
        assertThat(m.matches("volume.created")).isTrue();
        assertThat(m.matches("volume.delete.end")).isFalse();
        assertThat(INSTANCE_EVENTS.matches("compute.instances.create.end"))
                .as("as Python's re.match does")
                .isTrue();
    }

    @Test
    void explicitEndAnchorMakesAnExactMatch() {
        EventTypeMatcher m = EventTypeMatcher.of("volume\\.exists$");

        assertThat(m.matches("volume.exists")).isTrue();
        assertThat(m.matches("volume.exists.extra")).isFalse();
    }

    @Test
    void matchesWhenAnyPatternMatches() {
        EventTypeMatcher m = EventTypeMatcher.of("volume.exists", "volume.retype", "volume.resize.*");

        assertThat(m.matches("volume.retype")).isTrue();
        assertThat(m.matches("volume.resize.end")).isTrue();
        assertThat(m.matches("volume.exists")).isTrue();
        assertThat(m.matches("volume.attach.end")).isFalse();
    }

    @Test
    void isCaseSensitive() {
        assertThat(EventTypeMatcher.of("image.upload").matches("IMAGE.UPLOAD")).isFalse();
    }

    @Test
    void withoutPatternsMatchesNothing() {
        assertThat(EventTypeMatcher.of().matches("compute.instance.create.end")).isFalse();
    }

    @Test
    void refusesAnInvalidRegularExpression() {
        assertThatThrownBy(() -> EventTypeMatcher.of("compute.instance.(create"))
                .isInstanceOf(PatternSyntaxException.class);
    }
}
