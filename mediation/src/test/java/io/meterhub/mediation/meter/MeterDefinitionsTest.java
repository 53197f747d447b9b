package io.meterhub.mediation.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.Corpus;
import io.meterhub.mediation.ListenerForm;
import io.meterhub.mediation.definition.DefinitionFileException;
import io.meterhub.mediation.definition.DefinitionSource;
import io.meterhub.model.Notification;
import io.meterhub.model.Sample;
import io.meterhub.model.SampleType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeterDefinitionsTest {

    @TempDir
    Path dir;

    @Test
    void loadsTheShippedDefaults() {
        List<MeterDefinition> meters = MeterDefinitions.load(MeterDefinitions.defaults(), UserMetadata.DEFAULTS);
        assertThat(meters)
                .extracting(MeterDefinition::name)
                .contains("memory", "vcpus", "volume.size", "image.size", "compute.node.cpu.percent")
                .doesNotHaveDuplicates()
                .hasSize(38); // every entry of the shipped file
    }

    @Test
    void laterFileOverridesEarlierDefinitionOfTheSameName() throws IOException {
        write("00-base.yaml", meter("memory", "MB", "$.payload.memory_mb"));
        write("10-site.yaml", meter("memory", "MiB", "$.payload.memory_mb"));
        List<MeterDefinition> meters =
                MeterDefinitions.load(DefinitionSource.fileOrDirectory(dir), UserMetadata.DEFAULTS);
        assertThat(meters).hasSize(1);
        assertThat(samples(meters, Corpus.firstOf("compute.instance.create.end")))
                .extracting(Sample::unit)
                .containsExactly("MiB");
    }

    @Test
    void malformedEntryNamesTheFileTheEntryAndTheProblem() throws IOException {
        Path file = write(
                "meters.yaml",
                "metric:\n" + meter("ok", "B", "$.payload.size").substring("metric:\n".length())
                        + "  - name: broken\n    event_type: x\n    type: gauge\n    unit: B\n    resource_id: $.a\n");
        assertThatThrownBy(() -> MeterDefinitions.load(List.of(DefinitionSource.of(file)), UserMetadata.DEFAULTS))
                .isInstanceOf(DefinitionFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("metric[1] 'broken'")
                .hasMessageContaining("Required fields ['volume'] not specified");
    }

    @Test
    void badJsonPathNamesTheExpression() throws IOException {
        Path file = write("meters.yaml", meter("m", "B", "$.payload.[[size"));
        assertThatThrownBy(() -> MeterDefinitions.load(List.of(DefinitionSource.of(file)), UserMetadata.DEFAULTS))
                .isInstanceOf(DefinitionFileException.class)
                .hasMessageContaining("metric[0] 'm'")
                .hasMessageContaining("$.payload.[[size");
    }

    @Test
    void invalidTypeAndRegexAreRefused() throws IOException {
        Path badType = write("a.yaml", meter("m", "B", "$.payload.size").replace("gauge", "gaugey"));
        assertThatThrownBy(() -> MeterDefinitions.load(List.of(DefinitionSource.of(badType)), UserMetadata.DEFAULTS))
                .hasMessageContaining("Invalid type gaugey specified");
        Path badRegex =
                write("b.yaml", meter("m", "B", "$.payload.size").replace("'compute.instance.create.end'", "'a(b'"));
        assertThatThrownBy(() -> MeterDefinitions.load(List.of(DefinitionSource.of(badRegex)), UserMetadata.DEFAULTS))
                .hasMessageContaining("event_type 'a(b' is not a regular expression");
    }

    @Test
    void invalidYamlNamesLineAndColumn() throws IOException {
        Path file = write("meters.yaml", "metric:\n  - name: [unclosed\n");
        assertThatThrownBy(() -> MeterDefinitions.load(List.of(DefinitionSource.of(file)), UserMetadata.DEFAULTS))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("invalid YAML at line");
    }

    @Test
    void negativeLookaheadExcludesCreateStartAndUpdate() {
        MeterDefinition memory = shipped("memory");
        assertThat(memory.matches("compute.instance.create.end")).isTrue();
        assertThat(memory.matches("compute.instance.create.start")).isFalse();
        assertThat(memory.matches("compute.instance.update")).isFalse();
        assertThat(memory.matches("compute.instance.delete.start")).isTrue();
    }

    @Test
    void filtersAndArithmeticOfComputeMetrics() {
        String line = Corpus.firstOf("compute.metrics.update");
        Notification n = Corpus.decode(line);
        List<Sample> percent = shipped("compute.node.cpu.percent").toSamples(n, ListenerForm.of(n));
        JsonNode metrics = n.payload().path("metrics");
        double value = 0;
        String ts = null;
        for (JsonNode m : metrics) {
            if (m.path("name").asText().equals("cpu.percent")) {
                value = m.path("value").asDouble() * 100;
                ts = m.path("timestamp").asText();
            }
        }
        assertThat(percent).hasSize(1);
        assertThat(percent.get(0).volume().doubleValue()).isEqualTo(value);
        assertThat(percent.get(0).resourceId())
                .isEqualTo(n.payload().path("host").asText() + "_"
                        + n.payload().path("nodename").asText());
        assertThat(percent.get(0).timestamp())
                .isEqualTo(io.meterhub.model.Timestamps.parse(ts).orElseThrow());
    }

    @Test
    void lookupMakesOneSamplePerMetricOfTheNotification() {
        ObjectNode message = (ObjectNode) Corpus.json(Corpus.firstOf("compute.instance.create.end"));
        message.put("event_type", "magnum.bay.metrics.update");
        ObjectNode payload = message.putObject("payload");
        payload.put("user_id", "u1").put("project_id", "p1").put("resource_id", "bay-1");
        var metrics = payload.putArray("metrics");
        metrics.addObject().put("name", "memory.util").put("unit", "%").put("value", 42.5);
        metrics.addObject().put("name", "cpu.util").put("unit", "%").put("value", 7);
        Notification n = Corpus.decode(message.toString());

        List<Sample> samples =
                samples(MeterDefinitions.load(MeterDefinitions.defaults(), UserMetadata.DEFAULTS), message.toString());

        assertThat(samples).extracting(Sample::name).containsExactly("memory.util", "cpu.util");
        assertThat(samples).extracting(s -> s.volume().doubleValue()).containsExactly(42.5, 7.0);
        assertThat(samples).extracting(Sample::resourceId).containsOnly("bay-1");
        assertThat(samples).extracting(Sample::messageId).doesNotHaveDuplicates();
        assertThat(samples).allMatch(s -> s.timestamp().equals(n.timestamp()));
    }

    @Test
    void timedeltaVolumeIsTheBootingTime() {
        Notification n = Corpus.decode(Corpus.line("dae6f69c-00e0-41c0-b371-41ec3b7f4451"));
        List<Sample> booting = shipped("compute.instance.booting.time").toSamples(n, ListenerForm.of(n));
        Instant created = io.meterhub.model.Timestamps.parse(
                        n.payload().path("created_at").asText())
                .orElseThrow();
        Instant launched = io.meterhub.model.Timestamps.parse(
                        n.payload().path("launched_at").asText())
                .orElseThrow();
        double seconds = Math.abs(java.time.Duration.between(created, launched).toNanos() / 1e9);
        assertThat(booting).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SampleType.GAUGE);
            assertThat(s.volume().doubleValue()).isCloseTo(seconds, org.assertj.core.data.Offset.offset(1e-6));
        });
    }

    @Test
    void reservedUserMetadataIsCopiedUnderUserMetadata() {
        ObjectNode message = (ObjectNode) Corpus.json(Corpus.line("dae6f69c-00e0-41c0-b371-41ec3b7f4451"));
        ObjectNode md = ((ObjectNode) message.get("payload")).putObject("metadata");
        md.put("metering.billing.plan", "gold").put("other", "x").put("metering.long", "y".repeat(300));
        Notification n = Corpus.decode(message.toString());

        Sample memory = shipped("memory").toSamples(n, ListenerForm.of(n)).get(0);

        JsonNode user = memory.resourceMetadata().path("user_metadata");
        assertThat(user.path("billing_plan").asText()).isEqualTo("gold");
        assertThat(user.has("other")).isFalse();
        assertThat(user.path("long").asText()).hasSize(256);
    }

    @Test
    void aVolumeThatIsNotANumberIsRefusedNamingTheMeter() throws IOException {
        write("meters.yaml", meter("memory", "MB", "$.payload.display_name"));
        List<MeterDefinition> meters =
                MeterDefinitions.load(DefinitionSource.fileOrDirectory(dir), UserMetadata.DEFAULTS);
        assertThatThrownBy(() -> samples(meters, Corpus.line("dae6f69c-00e0-41c0-b371-41ec3b7f4451")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("meter memory: volume 'testme' is not a number");
    }

    @Test
    void integerVolumesStayIntegersToTheLastDigit() {
        ObjectNode message = (ObjectNode) Corpus.json(Corpus.line("dae6f69c-00e0-41c0-b371-41ec3b7f4451"));
        ((ObjectNode) message.get("payload")).put("memory_mb", 9_007_199_254_740_993L); // 2^53 + 1
        Notification n = Corpus.decode(message.toString());

        Sample memory = shipped("memory").toSamples(n, ListenerForm.of(n)).get(0);

        assertThat(memory.volume()).isInstanceOf(Long.class).isEqualTo(9_007_199_254_740_993L);
    }

    @Test
    void aVolumeIsTheNumberPythonsFloatReads() {
        assertThat(volumeOf(" 2794 ")).isEqualTo(2794L);
        assertThat(volumeOf("1_000")).isEqualTo(1000L);
        assertThat(volumeOf("1.0")).isEqualTo(1.0);
        assertThat(volumeOf("1e3")).isEqualTo(1000.0);
        assertThat(volumeOf(true)).isEqualTo(1L);
        assertThat(volumeOf(new java.math.BigInteger("9223372036854775808"))).isEqualTo(9.223372036854775808E18);
        assertThat(volumeOf("\u0661\u0662\u0663")).isEqualTo(123L); // Arabic-Indic digits, as int() reads them
        assertThat(volumeOf("\u0661.5")).isEqualTo(1.5);
        assertThatThrownBy(() -> volumeOf("NaN")).hasMessageContaining("volume 'NaN' is not a number");
        assertThatThrownBy(() -> volumeOf(new java.math.BigDecimal("1e999")))
                .hasMessageContaining("volume inf is not a number");
        assertThatThrownBy(() -> volumeOf("1__0")).hasMessageContaining("volume '1__0' is not a number");
    }

    private static Number volumeOf(Object value) {
        ObjectNode message = (ObjectNode) Corpus.json(Corpus.line("dae6f69c-00e0-41c0-b371-41ec3b7f4451"));
        ((ObjectNode) message.get("payload")).putPOJO("memory_mb", value);
        Notification n = Corpus.decode(message.toString());
        return shipped("memory").toSamples(n, ListenerForm.of(n)).get(0).volume();
    }

    private static MeterDefinition shipped(String name) {
        return MeterDefinitions.load(MeterDefinitions.defaults(), UserMetadata.DEFAULTS).stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<Sample> samples(List<MeterDefinition> meters, String line) {
        Notification n = Corpus.decode(line);
        List<Sample> out = new ArrayList<>();
        for (MeterDefinition m : meters) {
            if (m.matches(n.eventType())) {
                out.addAll(m.toSamples(n, ListenerForm.of(n)));
            }
        }
        return out;
    }

    private static String meter(String name, String unit, String volume) {
        return "metric:\n  - name: '" + name + "'\n    event_type: 'compute.instance.create.end'\n    type: gauge\n"
                + "    unit: " + unit + "\n    volume: " + volume + "\n    resource_id: $.payload.instance_id\n";
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
