package io.meterhub.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterhub.model.Translation;
import org.junit.jupiter.api.Test;

class PreparedByNotificationTest {

    @Test
    void whatWasMadeIsTakenOnceAndOnlyForTheTranslationItWasMadeFrom() {
        PreparedByNotification<String> prepared = new PreparedByNotification<>();
        Translation t = Fixtures.emptyTranslation("m1");
        prepared.put(t, "made");

        assertThat(prepared.take(Fixtures.emptyTranslation("m1")))
                .as("another notification with the same id (a redelivery)")
                .isNull();
        assertThat(prepared.take(t)).isEqualTo("made");
        assertThat(prepared.take(t))
                .as("taken already: a batch written again makes it anew")
                .isNull();
        assertThat(prepared.size()).isZero();
    }

    @Test
    void theLaterOfTwoSubmissionsOfOneIdIsTheOneKept() {
        PreparedByNotification<String> prepared = new PreparedByNotification<>();
        Translation first = Fixtures.emptyTranslation("m2");
        Translation second = Fixtures.emptyTranslation("m2");
        prepared.put(first, "a");
        prepared.put(second, "b");

        assertThat(prepared.take(first)).isNull();
        assertThat(prepared.take(second)).isEqualTo("b");
    }
}
