package io.meterhub.mediation.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cases checked against Python's fnmatch.fnmatch. */
class EventTypeGlobTest {

    @Test
    void starMatchesAnyTextIncludingDots() {
        assertThat(new EventTypeGlob("compute.instance.*").matches("compute.instance.create.end"))
                .isTrue();
        assertThat(new EventTypeGlob("*.end").matches("image.delete.end")).isTrue();
        assertThat(new EventTypeGlob("compute.instance.*").matches("compute.instance"))
                .isFalse();
    }

    @Test
    void wholeTypeMustMatch() {
        assertThat(new EventTypeGlob("image.create").matches("image.create.end"))
                .isFalse();
        assertThat(new EventTypeGlob("image.create").matches("image.create")).isTrue();
    }

    @Test
    void dotsAndRegexCharactersAreLiteral() {
        assertThat(new EventTypeGlob("image.create").matches("imageXcreate")).isFalse();
        assertThat(new EventTypeGlob("a+b").matches("a+b")).isTrue();
        assertThat(new EventTypeGlob("a(b").matches("a(b")).isTrue();
    }

    @Test
    void questionMarksAndSets() {
        assertThat(new EventTypeGlob("volume.?ttach.end").matches("volume.attach.end"))
                .isTrue();
        assertThat(new EventTypeGlob("[!s]*.end").matches("snapshot.create.end"))
                .isFalse();
        assertThat(new EventTypeGlob("[a-c]*").matches("backup.create")).isTrue();
        assertThat(new EventTypeGlob("[abc").matches("[abc")).isTrue();
    }
}
