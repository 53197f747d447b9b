package io.meterhub.routes.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The resolved, validated configuration. Each option comes from the first source that sets it: the command-line
 * flag, the environment variable, the configuration file, the default. Unknown keys in the file and bad values
 * anywhere stop start-up with a {@link ConfigException} naming the option.
 */
public final class HubConfig {

    private final Map<HubOption<?>, Object> values;

    private HubConfig(Map<HubOption<?>, Object> values) {
        this.values = values;
    }

    /**
     * @param flags option name to raw value, from the command line
     * @param env the environment
     * @param configFile the configuration file, if any; it must exist when given
     */
    public static HubConfig resolve(Map<String, String> flags, Map<String, String> env, Optional<Path> configFile) {
        Map<String, String> file = configFile.map(HubConfig::readFile).orElse(Map.of());
        Map<HubOption<?>, Object> values = new LinkedHashMap<>();
        for (HubOption<?> option : HubOptions.ALL) {
            String source;
            String raw;
            if (flags.containsKey(option.name())) {
                raw = flags.get(option.name());
                source = "command line";
            } else if (env.containsKey(option.environmentVariable())) {
                raw = env.get(option.environmentVariable());
                source = "environment variable " + option.environmentVariable();
            } else if (file.containsKey(option.name())) {
                raw = file.get(option.name());
                source = "configuration file " + configFile.get();
            } else {
                raw = option.defaultValue();
                source = "default";
            }
            values.put(option, option.parse(raw, source));
        }
        return new HubConfig(values);
    }

    /** Resolves from the defaults alone, overriding some options; for tests and embedding. */
    public static HubConfig of(Map<String, String> overrides) {
        return resolve(overrides, Map.of(), Optional.empty());
    }

    @SuppressWarnings("unchecked")
    public <T> T get(HubOption<T> option) {
        return (T) values.get(option);
    }

    /** Every option as {@code meterhub.NAME = value}, for Camel property placeholders. */
    public Map<String, String> asProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        values.forEach((option, value) -> props.put("meterhub." + option.name(), display(value)));
        props.put("meterhub.routes", routesDirectory().toString());
        return props;
    }

    private static String display(Object value) {
        Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
        if (v == null) {
            return "";
        }
        return v instanceof java.util.List<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(v);
    }

    /** The routes directory: the {@code routes} option, else {@code DATA/routes}. */
    public Path routesDirectory() {
        return get(HubOptions.ROUTES).orElse(get(HubOptions.DATA).resolve("routes"));
    }

    private static Map<String, String> readFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("option --config: the configuration file " + path + " does not exist");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("option --config: cannot read " + path + ": " + e.getMessage());
        }
        Set<String> known = new TreeSet<>();
        HubOptions.ALL.forEach(o -> known.add(o.name()));
        Map<String, String> out = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!known.contains(key)) {
                throw new ConfigException("configuration file " + path + ": unknown option '" + key + "' (known: "
                        + String.join(", ", known) + ")");
            }
            out.put(key, p.getProperty(key));
        }
        return out;
    }
}
