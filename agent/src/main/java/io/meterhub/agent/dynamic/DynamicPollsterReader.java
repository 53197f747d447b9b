package io.meterhub.agent.dynamic;

import io.meterhub.agent.config.AgentConfigException;
import io.meterhub.model.SampleType;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads dynamic-pollster definitions in Ceilometer's format (a YAML list of pollsters per file; a directory is read
 * file by file in name order, {@code *.yaml} and {@code *.yml}). Required: {@code name}, {@code sample_type},
 * {@code unit}, {@code value_attribute}, {@code url_path}; {@code endpoint_type} too unless {@code url_path} is an
 * absolute URL, and then it must name a base URL given with {@code --endpoint TYPE=URL} (meterhub has no Keystone
 * catalog). Ceilometer's Python operations on attributes ({@code "user | value.split('$')[0]"}), authentication
 * modules and paging are not evaluated: a definition using them is refused, naming the field.
 */
public final class DynamicPollsterReader {

    private static final Pattern VALID_NAME = Pattern.compile("^[\\w\\-.:]+$");
    private static final Set<String> KNOWN = Set.of(
            "name",
            "sample_type",
            "unit",
            "value_attribute",
            "endpoint_type",
            "url_path",
            "metadata_fields",
            "skip_sample_values",
            "value_mapping",
            "default_value",
            "metadata_mapping",
            "preserve_mapped_metadata",
            "response_entries_key",
            "user_id_attribute",
            "project_id_attribute",
            "resource_id_attribute",
            "headers",
            "timeout",
            "namespaces");

    private DynamicPollsterReader() {}

    /**
     * The definitions in {@code path} (a file or a directory).
     *
     * @param endpoints base URLs by endpoint type
     * @throws AgentConfigException naming the file, the pollster and the field
     */
    public static List<DynamicPollsterDefinition> read(Path path, Map<String, URI> endpoints) {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(p ->
                                p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new AgentConfigException("--pollsters: " + path + ": cannot be listed: " + e.getMessage(), e);
            }
        } else if (Files.isRegularFile(path)) {
            files = List.of(path);
        } else {
            throw new AgentConfigException("--pollsters: " + path + ": no such file or directory");
        }
        List<DynamicPollsterDefinition> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(readFile(f, endpoints));
        }
        return out;
    }

    private static List<DynamicPollsterDefinition> readFile(Path file, Map<String, URI> endpoints) {
        Object root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException | YAMLException e) {
            throw new AgentConfigException("--pollsters: " + file + ": " + e.getMessage(), e);
        }
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof List<?> list)) {
            throw new AgentConfigException("--pollsters: " + file + ": a list of pollster definitions expected");
        }
        List<DynamicPollsterDefinition> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw new AgentConfigException("--pollsters: " + file + ": entry " + i + " is not a mapping");
            }
            out.add(definition(map, endpoints, "--pollsters: " + file + ": entry " + i));
        }
        return out;
    }

    static DynamicPollsterDefinition definition(Map<?, ?> raw, Map<String, URI> endpoints, String where) {
        Fields f = new Fields(raw, where);
        String name = f.requiredText("name");
        if (!VALID_NAME.matcher(name).matches()) {
            throw f.error("name", "'" + name + "' is not a valid pollster name");
        }
        f.named(name);
        for (Object key : raw.keySet()) {
            if (!KNOWN.contains(String.valueOf(key))) {
                throw f.error(String.valueOf(key), "is not supported by meterhub's dynamic pollsters");
            }
        }
        SampleType type;
        try {
            type = SampleType.fromWire(f.requiredText("sample_type"));
        } catch (IllegalArgumentException e) {
            throw f.error("sample_type", e.getMessage());
        }
        return new DynamicPollsterDefinition(
                name,
                type,
                f.requiredText("unit"),
                f.attribute("value_attribute", null),
                url(f, endpoints),
                Optional.ofNullable(f.attribute("response_entries_key", null)),
                f.textList("metadata_fields"),
                f.textMap("metadata_mapping"),
                f.bool("preserve_mapped_metadata", true),
                f.list("skip_sample_values"),
                f.map("value_mapping"),
                raw.containsKey("default_value") ? raw.get("default_value") : -1,
                f.attribute("user_id_attribute", "user_id"),
                f.attribute("project_id_attribute", "project_id"),
                f.attribute("resource_id_attribute", "id"),
                f.textMap("headers"),
                Duration.ofSeconds(f.seconds("timeout", 30)));
    }

    private static URI url(Fields f, Map<String, URI> endpoints) {
        String path = f.requiredText("url_path");
        URI url;
        try {
            url = URI.create(path);
        } catch (IllegalArgumentException e) {
            throw f.error("url_path", "'" + path + "' is not a URL or path");
        }
        if (url.isAbsolute()) {
            return url;
        }
        String type = f.text("endpoint_type");
        if (type == null) {
            throw f.error("endpoint_type", "is required when url_path is not an absolute URL");
        }
        URI base = endpoints.get(type);
        if (base == null) {
            throw f.error(
                    "endpoint_type", "'" + type + "' has no base URL (give one with --endpoint " + type + "=URL)");
        }
        String b = base.toString();
        return URI.create(b.endsWith("/") ? b : b + "/").resolve(url);
    }

    /** Typed access to one definition's fields, with errors naming the pollster and the field. */
    private static final class Fields {
        private final Map<?, ?> raw;
        private String where;

        Fields(Map<?, ?> raw, String where) {
            this.raw = raw;
            this.where = where;
        }

        void named(String name) {
            where = where + " '" + name + "'";
        }

        AgentConfigException error(String field, String problem) {
            return new AgentConfigException(where + ": " + field + " " + problem);
        }

        String text(String field) {
            Object v = raw.get(field);
            if (v == null) {
                return null;
            }
            if (v instanceof String || v instanceof Number) {
                return String.valueOf(v);
            }
            throw error(field, "must be text");
        }

        String requiredText(String field) {
            String v = text(field);
            if (v == null || v.isBlank()) {
                throw error(field, "is required");
            }
            return v;
        }

        /** An attribute path; Ceilometer's Python operations after {@code |} are refused. */
        String attribute(String field, String absent) {
            String v = text(field);
            if (v == null) {
                if (absent == null && field.equals("value_attribute")) {
                    throw error(field, "is required");
                }
                return absent;
            }
            if (v.contains("|")) {
                throw error(field, "uses an operation ('|'), which meterhub does not evaluate");
            }
            return v.trim();
        }

        List<Object> list(String field) {
            Object v = raw.get(field);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> l)) {
                throw error(field, "must be a list");
            }
            return new ArrayList<>(l);
        }

        List<String> textList(String field) {
            return list(field).stream().map(String::valueOf).toList();
        }

        Map<String, Object> map(String field) {
            Object v = raw.get(field);
            if (v == null) {
                return Map.of();
            }
            if (!(v instanceof Map<?, ?> m)) {
                throw error(field, "must be a mapping");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), val));
            return out;
        }

        Map<String, String> textMap(String field) {
            Map<String, String> out = new LinkedHashMap<>();
            map(field).forEach((k, v) -> out.put(k, String.valueOf(v)));
            return out;
        }

        boolean bool(String field, boolean absent) {
            Object v = raw.get(field);
            if (v == null) {
                return absent;
            }
            if (!(v instanceof Boolean b)) {
                throw error(field, "must be true or false");
            }
            return b;
        }

        long seconds(String field, long absent) {
            Object v = raw.get(field);
            if (v == null) {
                return absent;
            }
            if (!(v instanceof Number n) || n.longValue() <= 0) {
                throw error(field, "must be a positive number of seconds");
            }
            return n.longValue();
        }
    }
}
