package io.meterhub.agent.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notification bodies through a {@link Publisher} in the order they were submitted, never losing one to a
 * broker outage: each body is first written to its own file in a spool directory (flushed to disk), and deleted only
 * once the broker confirmed it. While the broker is unreachable the spool grows, retried with a backoff from 250 ms
 * up to {@code maxBackoff}; bodies left from an earlier run are sent first. The spool is bounded: when a new body
 * would take it past {@code maxBytes}, the oldest bodies are dropped, counted, and a warning says how many.
 *
 * <p>{@link #start} runs the sending thread; {@link #drainOnce} is the same work once, for tests.
 */
public final class SpoolingSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolingSender.class);
    private static final String SUFFIX = ".msg";
    private static final int BATCH = 100;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

    private final Path dir;
    private final long maxBytes;
    private final Publisher publisher;
    private final Duration maxBackoff;
    /** Sequence number to size of every body in the spool, oldest first. */
    private final TreeMap<Long, Long> spooled = new TreeMap<>();

    private long nextSeq;
    private long bytes;
    private long dropped;
    private long sent;
    private boolean stopping;
    private Thread thread;

    /**
     * @param dir the spool directory, created when missing; bodies already in it are kept and sent first
     * @param maxBytes the most the spool holds
     */
    public SpoolingSender(Path dir, long maxBytes, Publisher publisher, Duration maxBackoff) throws IOException {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the spool bound must be positive");
        }
        this.dir = Files.createDirectories(dir);
        this.maxBytes = maxBytes;
        this.publisher = publisher;
        this.maxBackoff = maxBackoff;
        recover();
    }

    private void recover() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                long seq = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
                long size = Files.size(f);
                spooled.put(seq, size);
                bytes += size;
            }
        }
        nextSeq = spooled.isEmpty() ? 0 : spooled.lastKey() + 1;
        if (!spooled.isEmpty()) {
            LOG.info(
                    "{} message(s) ({} bytes) left in {} from an earlier run will be sent first",
                    spooled.size(),
                    bytes,
                    dir);
        }
    }

    /** Writes {@code body} to the spool (dropping the oldest when full) and wakes the sender. */
    public void submit(byte[] body) throws IOException {
        if (body.length > maxBytes) {
            throw new IOException("a message of " + body.length + " bytes exceeds the spool bound of " + maxBytes);
        }
        long seq;
        synchronized (this) {
            seq = nextSeq++;
        }
        Path tmp = dir.resolve(seq + ".tmp");
        try (FileChannel ch = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(body));
            ch.force(true);
        }
        Files.move(tmp, file(seq), StandardCopyOption.ATOMIC_MOVE);
        synchronized (this) {
            spooled.put(seq, (long) body.length);
            bytes += body.length;
            trim();
            notifyAll();
        }
    }

    private void trim() {
        int n = 0;
        while (bytes > maxBytes) {
            var oldest = spooled.pollFirstEntry();
            bytes -= oldest.getValue();
            delete(oldest.getKey());
            n++;
        }
        if (n > 0) {
            dropped += n;
            LOG.warn(
                    "disk buffer {} full ({} bytes at most): dropped the {} oldest message(s), {} since start",
                    dir,
                    maxBytes,
                    n,
                    dropped);
        }
    }

    /**
     * Sends the oldest spooled bodies (up to 100) and deletes them once confirmed.
     *
     * @return true when the spool was empty or the batch was confirmed, false when publishing failed
     */
    public boolean drainOnce() {
        List<Long> seqs = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        synchronized (this) {
            for (Long seq : spooled.keySet()) {
                if (seqs.size() == BATCH) {
                    break;
                }
                seqs.add(seq);
            }
        }
        for (Long seq : seqs) {
            try {
                bodies.add(Files.readAllBytes(file(seq)));
            } catch (IOException e) {
                bodies.add(null); // dropped meanwhile by trim(); not sent
            }
        }
        List<byte[]> present = bodies.stream().filter(b -> b != null).toList();
        if (present.isEmpty()) {
            forget(seqs);
            return true;
        }
        try {
            publisher.publish(present);
        } catch (IOException e) {
            LOG.debug("publishing to {} failed: {}", publisher.describe(), e.toString());
            return false;
        }
        forget(seqs);
        synchronized (this) {
            sent += present.size();
        }
        return true;
    }

    private synchronized void forget(List<Long> seqs) {
        for (Long seq : seqs) {
            Long size = spooled.remove(seq);
            if (size != null) {
                bytes -= size;
                delete(seq);
            }
        }
    }

    /** Starts the thread that sends what is spooled, in order, until {@link #close}. */
    public synchronized void start() {
        thread = new Thread(this::run, "meterhub-agent-sender");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        boolean unreachable = false;
        while (true) {
            synchronized (this) {
                while (!stopping && spooled.isEmpty()) {
                    waitQuietly(0);
                }
                if (stopping) {
                    return;
                }
            }
            if (drainOnce()) {
                if (unreachable) {
                    LOG.info("{} reachable again; sending the buffered messages", publisher.describe());
                }
                unreachable = false;
                backoff = FIRST_BACKOFF;
                continue;
            }
            if (!unreachable) {
                LOG.warn("{} unreachable; buffering on disk in {} until it returns", publisher.describe(), dir);
            }
            unreachable = true;
            synchronized (this) {
                if (!stopping) {
                    waitQuietly(backoff.toMillis());
                }
            }
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
    }

    private void waitQuietly(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /** Bodies waiting in the spool. */
    public synchronized int pending() {
        return spooled.size();
    }

    /** Bodies dropped because the spool was full, since start. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Bodies confirmed by the broker, since start. */
    public synchronized long sent() {
        return sent;
    }

    /** Stops the sending thread; what is still spooled stays on disk for the next run. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            stopping = true;
            notifyAll();
            t = thread;
        }
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Path file(long seq) {
        return dir.resolve(String.format("%019d", seq) + SUFFIX);
    }

    private void delete(long seq) {
        try {
            Files.deleteIfExists(file(seq));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file(seq), e);
        }
    }

    /** For diagnostics: the spooled sequence numbers, oldest first. */
    synchronized Deque<Long> sequence() {
        return new ArrayDeque<>(spooled.keySet());
    }
}
