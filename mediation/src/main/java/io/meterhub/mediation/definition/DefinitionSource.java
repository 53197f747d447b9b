package io.meterhub.mediation.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * One YAML definitions file (meters.yaml, event_definitions.yaml) by name and text. Parsing is YAML's safe subset
 * with anchors and merge keys, as Ceilometer's {@code yaml.safe_load}.
 *
 * @param name what error messages call the file: its path, or {@code classpath:...} for the shipped defaults
 */
public record DefinitionSource(String name, String text) {

    public DefinitionSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    /** The file itself. */
    public static DefinitionSource of(Path file) {
        if (!Files.exists(file)) {
            throw new DefinitionFileException(file.toString(), "does not exist");
        }
        try {
            return new DefinitionSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DefinitionFileException(file.toString(), "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The file, or every {@code *.yaml} file of the directory in name order (as Ceilometer reads
     * {@code meter_definitions_dirs}).
     */
    public static List<DefinitionSource> fileOrDirectory(Path path) {
        if (!Files.exists(path)) {
            throw new DefinitionFileException(path.toString(), "does not exist");
        }
        if (!Files.isDirectory(path)) {
            return List.of(of(path));
        }
        try (Stream<Path> files = Files.list(path)) {
            List<DefinitionSource> sources = new ArrayList<>();
            files.filter(f -> f.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(f))
                    .sorted()
                    .forEach(f -> sources.add(of(f)));
            if (sources.isEmpty()) {
                throw new DefinitionFileException(path.toString(), "holds no *.yaml file");
            }
            return sources;
        } catch (IOException e) {
            throw new DefinitionFileException(path.toString(), "cannot be listed: " + e.getMessage(), e);
        }
    }

    /** A file shipped on the class path. */
    public static DefinitionSource classpath(String resource) {
        try (InputStream in = DefinitionSource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DefinitionFileException("classpath:" + resource, "is missing from the class path");
            }
            return new DefinitionSource("classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parsed YAML: maps, lists, strings, numbers, booleans and nulls; a syntax error names line and column. */
    public Object yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        try {
            return new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null
                    ? ""
                    : " at line " + (e.getProblemMark().getLine() + 1) + ", column "
                            + (e.getProblemMark().getColumn() + 1);
            throw new DefinitionFileException(name, "invalid YAML" + where + ": " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new DefinitionFileException(name, "invalid YAML: " + e.getMessage(), e);
        }
    }
}
