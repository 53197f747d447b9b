package io.meterhub.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

class ReusingFileStoreTest {

    @Test
    void theLargestBufferIsKeptForTheNextCommitAndHandedOutEmpty() {
        ReusingFileStore store = new ReusingFileStore();
        WriteBuffer big = new WriteBuffer(32 << 20);
        big.put(new byte[1000]);
        store.releaseWriteBuffer(new WriteBuffer(8 << 20));
        store.releaseWriteBuffer(big);

        WriteBuffer next = store.getWriteBuffer();
        assertThat(next).isSameAs(big);
        assertThat(next.position()).isZero();
        assertThat(next.capacity()).as("still the big one underneath").isGreaterThanOrEqualTo(32 << 20);
        assertThat(store.getWriteBuffer()).as("one kept at a time").isNotSameAs(big);
    }

    @Test
    void buffersBeyondTheLimitAreNotKept() {
        ReusingFileStore store = new ReusingFileStore();
        WriteBuffer huge = new WriteBuffer(ReusingFileStore.KEPT_AT_MOST + 1);
        store.releaseWriteBuffer(huge);
        assertThat(store.getWriteBuffer()).isNotSameAs(huge);
    }
}
