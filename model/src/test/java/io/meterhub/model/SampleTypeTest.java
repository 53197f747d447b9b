package io.meterhub.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SampleTypeTest {

    @Test
    void wireNamesAreCeilometersLowerCaseNames() {
        assertThat(SampleType.GAUGE.wireName()).isEqualTo("gauge");
        assertThat(SampleType.DELTA.wireName()).isEqualTo("delta");
        assertThat(SampleType.CUMULATIVE.wireName()).isEqualTo("cumulative");
    }

    @ParameterizedTest
    @EnumSource(SampleType.class)
    void parsesItsOwnWireName(SampleType type) {
        assertThat(SampleType.fromWire(type.wireName())).isSameAs(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GAUGE", "Gauge", "counter", "", " gauge"})
    void rejectsUnknownNameWithMessageNamingTheValueAndTheChoices(String name) {
        assertThatThrownBy(() -> SampleType.fromWire(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown sample type '" + name + "' (expected gauge, delta or cumulative)");
    }

    @Test
    void rejectsNullWithMessageNamingIt() {
        assertThatThrownBy(() -> SampleType.fromWire(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'null'");
    }

    @Test
    void serializesAsWireNameInJson() throws Exception {
        assertThat(Json.mapper().writeValueAsString(SampleType.CUMULATIVE)).isEqualTo("\"cumulative\"");
        assertThat(Json.mapper().readValue("\"delta\"", SampleType.class)).isSameAs(SampleType.DELTA);
    }

    @Test
    void jsonWithUnknownTypeFailsWithTheRejectionMessage() {
        assertThatThrownBy(() -> Json.mapper().readValue("\"counter\"", SampleType.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("unknown sample type 'counter'");
    }
}
