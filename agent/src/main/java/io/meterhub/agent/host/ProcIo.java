package io.meterhub.agent.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The storage I/O of one process from {@code /proc/<pid>/io}: {@code read_bytes} and {@code write_bytes}, the bytes
 * the process made the block layer fetch and send. The file is readable only by the process's owner or root (a
 * ptrace-mode check); then this is empty.
 *
 * @param readBytes bytes read from storage
 * @param writeBytes bytes written to storage
 */
public record ProcIo(long readBytes, long writeBytes) {

    /** The I/O counters of {@code pid}, or empty when the file cannot be read (not allowed, or the process ended). */
    public static Optional<ProcIo> of(int pid) {
        return of(Path.of("/proc", String.valueOf(pid), "io"));
    }

    static Optional<ProcIo> of(Path file) {
        long read = -1;
        long write = -1;
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("read_bytes:")) {
                    read = Long.parseLong(line.substring("read_bytes:".length()).trim());
                } else if (line.startsWith("write_bytes:")) {
                    write = Long.parseLong(
                            line.substring("write_bytes:".length()).trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return read < 0 || write < 0 ? Optional.empty() : Optional.of(new ProcIo(read, write));
    }
}
