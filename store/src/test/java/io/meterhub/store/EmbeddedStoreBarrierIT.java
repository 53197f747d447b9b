package io.meterhub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's durability barrier: what it allows within {@link DurabilityBarrier#writing}. */
class EmbeddedStoreBarrierIT {

    @TempDir
    Path dir;

    @Test
    void withinWritingStartReturnsAtOnceAndSyncIsRefusedInsteadOfWaitingForEver() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.start(dir, 0)) {
            DurabilityBarrier barrier = store.barrier();
            CompletableFuture<Void> durable = barrier.writing(() -> {
                assertThatThrownBy(barrier::sync)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("sync() within writing()");
                return barrier.start();
            });
            durable.get(10, TimeUnit.SECONDS);
            barrier.sync(); // outside, as ever
            assertThat(durable).isCompleted();
        }
    }
}
