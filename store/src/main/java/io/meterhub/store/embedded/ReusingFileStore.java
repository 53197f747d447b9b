package io.meterhub.store.embedded;

import java.util.HashMap;
import org.h2.mvstore.SingleFileStore;
import org.h2.mvstore.WriteBuffer;

/**
 * H2's single-file store, keeping the buffer it writes commits into. H2 pools only buffers up to 4 MB and grows a
 * new one by doubling from 1 MB on every commit above that; an ingest batch of 2,000 notifications writes a chunk
 * of tens of MB, so each commit allocated and copied about twice that (a tenth of all the hub's allocation). The
 * largest buffer up to {@link #KEPT_AT_MOST} is kept for the next commit.
 *
 * <p>It also tells {@link BackgroundCommits} when a commit has taken its snapshot: H2 asks for the write buffer only
 * once the commit has moved every map to the next version and collected the roots of what changed
 * ({@code MVStore.collectChangedMapRoots}, then {@code FileStore.serializeAndStore}), so writes made from then on go
 * into the next version and cannot enter this commit.
 */
public final class ReusingFileStore extends SingleFileStore {

    static final int KEPT_AT_MOST = 256 << 20;

    private WriteBuffer kept;

    /** Told when the commit running on {@link #snapshotThread} has taken its snapshot; null when nobody waits. */
    private volatile Runnable snapshotTaken;

    private volatile Thread snapshotThread;

    public ReusingFileStore() {
        super(new HashMap<>());
    }

    /**
     * Runs {@code action} once a commit made on the calling thread has taken its snapshot of the maps, in the middle
     * of that commit; {@code null} stops it. A commit on another thread does not run it.
     */
    void whenSnapshotTaken(Runnable action) {
        snapshotThread = action == null ? null : Thread.currentThread();
        snapshotTaken = action;
    }

    @Override
    public WriteBuffer getWriteBuffer() {
        Runnable taken = snapshotTaken;
        if (taken != null && snapshotThread == Thread.currentThread()) {
            taken.run();
        }
        WriteBuffer buffer;
        synchronized (this) {
            buffer = kept;
            kept = null;
        }
        if (buffer == null) {
            return super.getWriteBuffer();
        }
        buffer.getBuffer().clear(); // not WriteBuffer.clear(), which swaps anything over 4 MB for a fresh 1 MB buffer
        return buffer;
    }

    @Override
    public void releaseWriteBuffer(WriteBuffer buffer) {
        synchronized (this) {
            if (buffer.capacity() <= KEPT_AT_MOST && (kept == null || buffer.capacity() > kept.capacity())) {
                WriteBuffer smaller = kept;
                kept = buffer;
                buffer = smaller;
            }
        }
        if (buffer != null) {
            super.releaseWriteBuffer(buffer);
        }
    }
}
