package io.meterhub.mediation.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraitPluginRegistryTest {

    @Test
    void knowsCeilometersThreeTraitPlugins() {
        TraitPluginRegistry registry = TraitPluginRegistry.ceilometer();
        assertThat(registry.names()).containsExactlyInAnyOrder("split", "bitfield", "timedelta");
        assertThat(registry.create("split", null, "d")).isInstanceOf(SplitterTraitPlugin.class);
        assertThat(registry.create("bitfield", Map.of(), "d")).isInstanceOf(BitfieldTraitPlugin.class);
        assertThat(registry.create("timedelta", Map.of(), "d")).isInstanceOf(TimedeltaTraitPlugin.class);
    }

    @Test
    void rejectsAnUnknownName() {
        assertThatThrownBy(() -> TraitPluginRegistry.ceilometer().create("foo", Map.of(), "bar"))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("No plugin named foo available for bar");
    }

    @Test
    void badParametersNameThePluginAndTheDefinition() {
        assertThatThrownBy(() ->
                        TraitPluginRegistry.ceilometer().create("bitfield", Map.of("flags", List.of("x")), "state"))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("bitfield")
                .hasMessageEndingWith("(for state)");
    }

    @Test
    void canBeExtendedWithAnotherPlugin() {
        TraitPluginRegistry registry = TraitPluginRegistry.ceilometer().with("noop", p -> new TimedeltaTraitPlugin());
        assertThat(registry.names()).contains("noop", "split");
        assertThat(TraitPluginRegistry.ceilometer().names()).doesNotContain("noop");
    }
}
