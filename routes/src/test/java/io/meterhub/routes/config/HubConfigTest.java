package io.meterhub.routes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HubConfigTest {

    @TempDir
    Path dir;

    private Path file(String... lines) throws IOException {
        Path f = dir.resolve("meterhub.properties");
        Files.write(f, List.of(lines));
        return f;
    }

    private static HubConfig resolve(Map<String, String> flags, Map<String, String> env, Optional<Path> file) {
        return HubConfig.resolve(flags, env, file);
    }

    @Test
    void usesTheDefaultsWhenNothingIsSet() {
        HubConfig c = resolve(Map.of(), Map.of(), Optional.empty());

        assertThat(c.get(HubOptions.PORT)).isEqualTo(8777);
        assertThat(c.get(HubOptions.STORE_PORT)).isEqualTo(27018);
        assertThat(c.get(HubOptions.AMQP_PORT)).isEqualTo(5673);
        assertThat(c.get(HubOptions.RABBITMQ)).isEmpty();
        assertThat(c.get(HubOptions.STORE)).isEmpty();
        assertThat(c.get(HubOptions.DATA))
                .isEqualTo(Path.of("meterhub-data").toAbsolutePath().normalize());
        assertThat(c.get(HubOptions.MAX_BODY)).isEqualTo(2 * 1024 * 1024);
        assertThat(c.get(HubOptions.BATCH_SIZE)).isEqualTo(2000);
        assertThat(c.get(HubOptions.BATCH_DELAY)).isEqualTo(Duration.ofMillis(20));
        assertThat(c.get(HubOptions.TOPICS)).containsExactly("notifications");
        assertThat(c.get(HubOptions.EXCHANGES))
                .contains("nova", "cinder", "glance", "neutron")
                .hasSize(14);
        assertThat(c.get(HubOptions.QUEUE)).isEqualTo("meterhub.notifications");
        assertThat(c.routesDirectory()).isEqualTo(c.get(HubOptions.DATA).resolve("routes"));
    }

    @Test
    void flagWinsOverEnvironmentFileAndDefault() throws IOException {
        Path f = file("port=1001");

        HubConfig c = resolve(Map.of("port", "1003"), Map.of("METERHUB_PORT", "1002"), Optional.of(f));

        assertThat(c.get(HubOptions.PORT)).isEqualTo(1003);
    }

    @Test
    void environmentWinsOverFileAndDefault() throws IOException {
        Path f = file("port=1001");

        HubConfig c = resolve(Map.of(), Map.of("METERHUB_PORT", "1002"), Optional.of(f));

        assertThat(c.get(HubOptions.PORT)).isEqualTo(1002);
    }

    @Test
    void fileWinsOverDefault() throws IOException {
        Path f = file("port=1001");

        assertThat(resolve(Map.of(), Map.of(), Optional.of(f)).get(HubOptions.PORT))
                .isEqualTo(1001);
    }

    @Test
    void eachOptionTakesItsOwnFirstSource() throws IOException {
        Path f = file("port=1001", "batch-delay=3s", "max-body=1MiB", "store-port=2001");

        HubConfig c = resolve(
                Map.of("batch-delay", "7ms"),
                Map.of("METERHUB_MAX_BODY", "512KiB", "METERHUB_STORE_PORT", "2002"),
                Optional.of(f));

        assertThat(c.get(HubOptions.BATCH_DELAY)).isEqualTo(Duration.ofMillis(7));
        assertThat(c.get(HubOptions.MAX_BODY)).isEqualTo(512 * 1024);
        assertThat(c.get(HubOptions.STORE_PORT)).isEqualTo(2002);
        assertThat(c.get(HubOptions.PORT)).isEqualTo(1001);
        assertThat(c.get(HubOptions.BATCH_SIZE)).isEqualTo(2000);
    }

    @Test
    void environmentVariableIsTheOptionNameInUpperCaseWithUnderscores() {
        assertThat(HubOptions.PORT.environmentVariable()).isEqualTo("METERHUB_PORT");
        assertThat(HubOptions.STORE_PORT.environmentVariable()).isEqualTo("METERHUB_STORE_PORT");
        assertThat(HubOptions.BATCH_DELAY.environmentVariable()).isEqualTo("METERHUB_BATCH_DELAY");
        assertThat(HubOptions.MAX_BODY.environmentVariable()).isEqualTo("METERHUB_MAX_BODY");
    }

    @Test
    void optionNamesAreUniqueAndEveryOptionIsDescribed() {
        assertThat(HubOptions.ALL)
                .extracting(HubOption::name)
                .doesNotHaveDuplicates()
                .doesNotContain(HubOptions.CONFIG);
        assertThat(HubOptions.ALL).allSatisfy(o -> {
            assertThat(o.description()).as(o.name()).isNotBlank();
            assertThat(o.defaultValue()).as(o.name()).isNotNull();
        });
    }

    @Test
    void everyDefaultIsValid() {
        Map<String, String> defaults = new HashMap<>();
        HubOptions.ALL.forEach(o -> defaults.put(o.name(), o.defaultValue()));

        assertThat(HubConfig.of(defaults).asProperties()).containsEntry("meterhub.port", "8777");
    }

    @Test
    void parsesTypedValues() {
        HubConfig c = HubConfig.of(Map.of(
                "rabbitmq",
                "amqp://guest:guest@rabbit.example:5672/%2F",
                "store",
                "mongodb://db.example:27017/meterhub",
                "exchanges",
                " nova , cinder ",
                "batch-delay",
                "PT1M",
                "max-body",
                "1048576",
                "port",
                " 0 ",
                "routes",
                "custom-routes"));

        assertThat(c.get(HubOptions.RABBITMQ)).contains(URI.create("amqp://guest:guest@rabbit.example:5672/%2F"));
        assertThat(c.get(HubOptions.STORE)).contains(URI.create("mongodb://db.example:27017/meterhub"));
        assertThat(c.get(HubOptions.EXCHANGES)).containsExactly("nova", "cinder");
        assertThat(c.get(HubOptions.BATCH_DELAY)).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.get(HubOptions.MAX_BODY)).isEqualTo(1048576);
        assertThat(c.get(HubOptions.PORT)).isZero();
        assertThat(c.routesDirectory())
                .isEqualTo(Path.of("custom-routes").toAbsolutePath().normalize());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "port        | abc             | not a whole number",
                "port        | 70000           | must be between 0 and 65535",
                "port        | -1              | must be between 0 and 65535",
                "store-port  | 65536           | must be between 0 and 65535",
                "rabbitmq    | http://x        | the scheme must be one of amqp, amqps",
                "rabbitmq    | amqp://         | not a URI",
                "store       | amqp://db:27017 | the scheme must be one of mongodb, mongodb+srv",
                "batch-delay | soon            | not a duration",
                "batch-delay | 20 fortnights   | not a duration",
                "max-body    | 0               | must be between 1 byte and 2GiB",
                "max-body    | 3GiB            | must be between 1 byte and 2GiB",
                "max-body    | lots            | not a size",
                "batch-size  | 0               | must be between 1 and 10000",
                "consumers   | 65              | must be between 1 and 64",
                "exchanges   | nova;rm -rf     | is not a valid name",
                "topics      | ' , '           | the list is empty",
            })
    void refusesABadFlagNamingTheOptionTheValueAndTheProblem(String option, String value, String problem) {
        assertThatThrownBy(() -> HubConfig.of(Map.of(option, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("option --" + option + " (from command line): '" + value + "' is invalid: ")
                .hasMessageContaining(problem);
    }

    @Test
    void refusesASizeThatOverflowsToAValidOne() {
        // (2^34 + 1) GiB is 2^64 + 2^30 bytes: shifted into a long it wraps to exactly 1 GiB
        assertThatThrownBy(() -> HubConfig.of(Map.of("max-body", "17179869185GiB")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("option --max-body");
    }

    @Test
    void refusesABadEnvironmentValueNamingTheVariable() {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of("METERHUB_PORT", "abc"), Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("option --port")
                .hasMessageContaining("environment variable METERHUB_PORT")
                .hasMessageContaining("'abc'");
    }

    @Test
    void refusesABadFileValueNamingTheFile() throws IOException {
        Path f = file("batch-delay=soon");

        assertThatThrownBy(() -> resolve(Map.of(), Map.of(), Optional.of(f)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("option --batch-delay")
                .hasMessageContaining("configuration file " + f)
                .hasMessageContaining("'soon'");
    }

    @Test
    void aFlagOverridingABadEnvironmentValueIsNotAnError() {
        HubConfig c = resolve(Map.of("port", "9000"), Map.of("METERHUB_PORT", "abc"), Optional.empty());

        assertThat(c.get(HubOptions.PORT)).isEqualTo(9000);
    }

    @Test
    void refusesAnUnknownKeyInTheFileNamingTheFileAndTheKey() throws IOException {
        Path f = file("port=1001", "batch_size=10");

        assertThatThrownBy(() -> resolve(Map.of(), Map.of(), Optional.of(f)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("unknown option 'batch_size'")
                .hasMessageContaining("batch-size");
    }

    @Test
    void refusesAMissingConfigurationFileNamingIt() {
        Path missing = dir.resolve("nowhere.properties");

        assertThatThrownBy(() -> resolve(Map.of(), Map.of(), Optional.of(missing)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--config")
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void refusesADirectoryAsConfigurationFile() {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of(), Optional.of(dir)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.toString());
    }

    @Test
    void ignoresEnvironmentVariablesOfOtherPrograms() {
        HubConfig c = resolve(Map.of(), Map.of("PORT", "1", "HOME", "/root", "RABBITMQ", "http://x"), Optional.empty());

        assertThat(c.get(HubOptions.PORT)).isEqualTo(8777);
        assertThat(c.get(HubOptions.RABBITMQ)).isEmpty();
    }

    @Test
    void exposesEveryOptionAsACamelProperty() {
        Map<String, String> props = HubConfig.of(
                        Map.of("rabbitmq", "amqp://rabbit.example/", "exchanges", "nova,cinder", "batch-delay", "5s"))
                .asProperties();

        HubOptions.ALL.forEach(o -> assertThat(props).containsKey("meterhub." + o.name()));
        assertThat(props)
                .containsEntry("meterhub.rabbitmq", "amqp://rabbit.example/")
                .containsEntry("meterhub.exchanges", "nova,cinder")
                .containsEntry("meterhub.batch-delay", "PT5S")
                .containsEntry("meterhub.store", "")
                .containsKey("meterhub.routes");
    }
}
