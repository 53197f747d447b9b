package io.meterhub.store.embedded;

import java.util.HashMap;
import org.h2.mvstore.SingleFileStore;
import org.h2.mvstore.WriteBuffer;

/**
 * H2's single-file store, keeping the buffer it writes commits into. H2 pools only buffers up to 4 MB and grows a
 * new one by doubling from 1 MB on every commit above that; an ingest batch of 2,000 notifications writes a chunk
 * of tens of MB, so each commit allocated and copied about twice that (a tenth of all the hub's allocation). The
 * largest buffer up to {@link #KEPT_AT_MOST} is kept for the next commit.
 */
public final class ReusingFileStore extends SingleFileStore {

    static final int KEPT_AT_MOST = 256 << 20;

    private WriteBuffer kept;

    public ReusingFileStore() {
        super(new HashMap<>());
    }

    @Override
    public WriteBuffer getWriteBuffer() {
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
