package io.meterhub.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads Ceilometer's polling.yaml format: {@code sources}, each with a {@code name}, {@code meters} (names,
 * fnmatch patterns, {@code !} exclusions) and an {@code interval} in seconds. meterhub lets the interval be left out:
 * then {@code --interval} applies. Keys Ceilometer also reads but the agent has no use for ({@code resources},
 * {@code discovery}) are accepted and ignored; any other key is refused, as a typo would otherwise pass unseen.
 */
public final class PollingConfigReader {

    private static final Set<String> SOURCE_KEYS = Set.of("name", "interval", "meters", "resources", "discovery");

    private PollingConfigReader() {}

    /**
     * The sources of {@code file}.
     *
     * @param defaultInterval the interval of a source that names none
     * @throws AgentConfigException naming the file, the source and the problem
     */
    public static List<PollingSource> read(Path file, Duration defaultInterval) {
        Object root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (NoSuchFileException e) {
            throw new AgentConfigException("--config: " + file + ": no such file");
        } catch (IOException e) {
            throw new AgentConfigException("--config: " + file + ": cannot be read: " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new AgentConfigException("--config: " + file + ": not valid YAML: " + e.getMessage(), e);
        }
        return parse(root, defaultInterval, "--config: " + file);
    }

    /** The sources of an already loaded document; {@code where} prefixes every message. */
    static List<PollingSource> parse(Object root, Duration defaultInterval, String where) {
        if (!(root instanceof Map<?, ?> top) || !(top.get("sources") instanceof List<?> sources)) {
            throw new AgentConfigException(where + ": sources required (a list)");
        }
        List<PollingSource> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            PollingSource source = source(sources.get(i), defaultInterval, where + ": sources[" + i + "]");
            if (!names.add(source.name())) {
                throw new AgentConfigException(where + ": duplicated source name '" + source.name() + "'");
            }
            out.add(source);
        }
        if (out.isEmpty()) {
            throw new AgentConfigException(where + ": sources is empty");
        }
        return out;
    }

    private static PollingSource source(Object raw, Duration defaultInterval, String where) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new AgentConfigException(where + ": a source is a mapping");
        }
        for (Object key : map.keySet()) {
            if (!SOURCE_KEYS.contains(String.valueOf(key))) {
                throw new AgentConfigException(where + ": unknown key '" + key + "' (known: name, interval, meters)");
            }
        }
        if (!(map.get("name") instanceof String name) || name.isBlank()) {
            throw new AgentConfigException(where + ": Required field name not specified");
        }
        String at = where + " '" + name + "'";
        if (!(map.get("meters") instanceof List<?> meters) || !meters.stream().allMatch(String.class::isInstance)) {
            throw new AgentConfigException(at + ": Missing meters value (a list of names)");
        }
        Duration interval = interval(map.get("interval"), at).orElse(defaultInterval);
        try {
            return new PollingSource(
                    name,
                    interval,
                    MeterSelection.of(meters.stream().map(String.class::cast).toList()));
        } catch (IllegalArgumentException e) {
            throw new AgentConfigException(at + ": " + e.getMessage());
        }
    }

    private static Optional<Duration> interval(Object raw, String at) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    Duration.ofSeconds(Long.parseLong(String.valueOf(raw).trim())));
        } catch (NumberFormatException e) {
            throw new AgentConfigException(at + ": Invalid interval value '" + raw + "' (whole seconds)");
        }
    }
}
