package io.meterhub.routes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterhub.store.retention.RetentionPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionOptionsTest {

    @Test
    void keepsEverythingByDefault() {
        HubConfig c = HubConfig.of(Map.of());

        assertThat(RetentionConfig.policy(c)).isEqualTo(RetentionPolicy.KEEP_EVERYTHING);
        assertThat(c.get(HubOptions.EXPIRE_EVERY)).isEqualTo(Duration.ofMinutes(10));
        assertThat(RetentionConfig.describe(RetentionConfig.policy(c))).isEqualTo("keep everything");
    }

    @Test
    void readsATimeToLivePerCollectionInDaysHoursOrIso8601() {
        HubConfig c = HubConfig.of(Map.of(
                "ttl-samples", "30d",
                "ttl-events", "36h",
                "ttl-rollups", "P400D",
                "ttl-dead-letters", "7d",
                "expire-every", "90s"));

        RetentionPolicy p = RetentionConfig.policy(c);

        assertThat(p.samples()).contains(Duration.ofDays(30));
        assertThat(p.events()).contains(Duration.ofHours(36));
        assertThat(p.rollups()).contains(Duration.ofDays(400));
        assertThat(p.deadLetters()).contains(Duration.ofDays(7));
        assertThat(c.get(HubOptions.EXPIRE_EVERY)).isEqualTo(Duration.ofSeconds(90));
        assertThat(RetentionConfig.describe(p)).isEqualTo("samples 30d, events PT36H, rollups 400d, dead letters 7d");
        assertThat(new RetentionPolicy(
                                Optional.empty(), Optional.of(Duration.ofDays(1)), Optional.empty(), Optional.empty())
                        .keepsEverything())
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ttl-samples      | 30 days | not a duration",
                "ttl-events       | 0d      | must be longer than zero",
                "ttl-rollups      | -5d     | not a duration",
                "ttl-dead-letters | PT-1H   | must not be negative",
                "expire-every     | 0s      | must be longer than zero",
                "expire-every     | often   | not a duration",
            })
    void aBadValueStopsStartUpNamingTheOption(String option, String value, String problem) {
        assertThatThrownBy(() -> HubConfig.of(Map.of(option, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("option --" + option + " (from command line): '" + value + "' is invalid: ")
                .hasMessageContaining(problem);
    }
}
