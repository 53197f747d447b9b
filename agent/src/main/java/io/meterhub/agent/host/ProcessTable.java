package io.meterhub.agent.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The processes of this Linux host with their argument vectors, read from {@code /proc/<pid>/cmdline}: a cheap scan
 * (one small read per process) to find the few processes worth metering before OSHI reads their statistics.
 * Processes that end while being read, and kernel threads (empty command line), are left out.
 */
public final class ProcessTable {

    /** A running process: its id and its arguments, {@code argv[0]} first. */
    public record Entry(int pid, List<String> argv) {

        /** The arguments joined by spaces, as {@code ps} shows them. */
        public String commandLine() {
            return String.join(" ", argv);
        }
    }

    private final Path proc;

    /** The table of {@code /proc}. */
    public ProcessTable() {
        this(Path.of("/proc"));
    }

    ProcessTable(Path proc) {
        this.proc = proc;
    }

    /** The processes whose argument vector {@code filter} accepts, in no particular order. */
    public List<Entry> matching(Predicate<Entry> filter) {
        List<Entry> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, ProcessTable::isPidDirectory)) {
            for (Path dir : dirs) {
                Entry e = read(dir);
                if (e != null && filter.test(e)) {
                    out.add(e);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + proc + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static boolean isPidDirectory(Path p) {
        String name = p.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    private static Entry read(Path dir) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(dir.resolve("cmdline"));
        } catch (IOException gone) {
            return null; // ended meanwhile, or not ours to read
        }
        if (raw.length == 0) {
            return null;
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        if (text.endsWith("\0")) {
            text = text.substring(0, text.length() - 1);
        }
        return new Entry(Integer.parseInt(dir.getFileName().toString()), Arrays.asList(text.split("\0", -1)));
    }
}
