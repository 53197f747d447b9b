package io.meterhub.routes.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.model.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real feed reader: Debian's python3-feedparser, run by {@code feeds/read_feed.py}, walking a feed by its links and
 * reporting every page as JSON (what feedparser saw: status, bozo, links, entries).
 */
final class Feedparser {

    private static final String PYTHON = "/usr/bin/python3";

    private final Path script;

    Feedparser(Path dir) {
        assertThat(Path.of(PYTHON))
                .as("Debian's python3 with python3-feedparser (bin/meterhub test installs it)")
                .exists();
        script = dir.resolve("read_feed.py");
        try (InputStream in = Feedparser.class.getResourceAsStream("/feeds/read_feed.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every page from {@code url} back to the oldest, following rel="next". */
    List<JsonNode> backward(String url, String token) {
        return run(url, token, "backward");
    }

    /** Every page from {@code url} on, following rel="previous" until an empty page. */
    List<JsonNode> forward(String url, String token) {
        return run(url, token, "forward");
    }

    /** Pages from {@code url} on, following rel="previous" and polling on empty pages until it saw {@code n} entries. */
    Process forwardUntil(String url, String token, int n) throws IOException {
        return new ProcessBuilder(PYTHON, script.toString(), url, token, "forward", Integer.toString(n))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private List<JsonNode> run(String url, String token, String mode) {
        try {
            Process p = new ProcessBuilder(PYTHON, script.toString(), url, token, mode)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            List<JsonNode> pages = pages(p);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("read_feed.py exit status").isZero();
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The pages a running reader prints, until it ends. */
    static List<JsonNode> pages(Process p) throws IOException {
        List<JsonNode> pages = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                pages.add(Json.mapper().readTree(line));
            }
        }
        return pages;
    }
}
