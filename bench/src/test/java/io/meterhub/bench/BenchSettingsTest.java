package io.meterhub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    @Test
    void theCeilometerRateIsDesignsFigureUnlessMeasured() {
        assertThat(BenchSettings.parse(new String[0]).ceilometerRate()).isEmpty();
        BenchSettings measured = BenchSettings.parse(new String[] {"--ceilometer-rate=315.4", "--batch-size=1000"});
        assertThat(measured.ceilometerRate()).contains(315.4);
        assertThat(measured.hubOverrides()).containsOnlyKeys("batch-size");
    }

    @Test
    void aCeilometerRateThatIsNoRateIsRefusedByName() {
        for (String bad : new String[] {"0", "-5", "fast", "NaN", "Infinity"}) {
            assertThatThrownBy(() -> BenchSettings.parse(new String[] {"--ceilometer-rate=" + bad}))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--ceilometer-rate")
                    .hasMessageContaining("'" + bad + "'");
        }
    }
}
