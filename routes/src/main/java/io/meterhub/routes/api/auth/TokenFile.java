package io.meterhub.routes.api.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a tokens file: one {@code token project_id role} per line, separated by blanks; blank lines and lines
 * starting with {@code #} are ignored. Role {@value Caller#ADMIN_ROLE} makes the token an admin's.
 */
public final class TokenFile {

    private TokenFile() {}

    /**
     * @throws IllegalArgumentException naming the file and the line when a line is malformed, a token repeats or the
     *     file cannot be read
     */
    public static Map<String, Caller> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage());
        }
        Map<String, Caller> tokens = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 3) {
                throw new IllegalArgumentException(file + " line " + (i + 1)
                        + ": expected 'token project_id role', found " + fields.length + " field"
                        + (fields.length == 1 ? "" : "s"));
            }
            Caller caller = Caller.of(fields[1], null, Set.of(fields[2]));
            if (tokens.putIfAbsent(fields[0], caller) != null) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": the token appears twice");
            }
        }
        return tokens;
    }
}
