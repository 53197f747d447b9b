package io.meterhub.store.embedded;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests on the embedded store of a directory of their own, which they open and close themselves; closed after each. */
abstract class OnReopenableStore {

    @TempDir
    Path dir;

    ReopenableStore reopenable;

    @BeforeEach
    void createReopenableStore() {
        reopenable = new ReopenableStore(dir);
    }

    @AfterEach
    void closeReopenableStore() {
        reopenable.close();
    }
}
