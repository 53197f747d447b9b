package io.meterhub.store.embedded;

import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's H2 file, opened the way meterhub keeps it, with its format checked ({@link StoreFormat}).
 *
 * <p>No background auto-commit: H2 would persist whatever state the maps are in every second, also halfway through
 * an insert (document stored, its {@code _id} index entry not yet), and after {@code kill -9} the store would refuse
 * that {@code _id} forever. Only the store's barrier commits, between batches, where the store is consistent
 * ({@link BackgroundCommits}). For the same reason no store when unsaved changes pass H2's write buffer
 * (autoCommitBufferSize 0): that one runs inside whichever write crosses the limit, again possibly halfway through
 * an insert, and it wrote the pages a batch touches several times over before the barrier wrote them once more.
 *
 * @param store the open store
 * @param file its file, which the store closes
 */
public record StoreFile(MVStore store, ReusingFileStore file) {

    /** Opens (or creates) the file; refuses a file in another format, naming it. */
    public static StoreFile open(Path path) {
        ReusingFileStore file = new ReusingFileStore();
        file.open(path.toString(), false, null);
        MVStore store;
        try {
            store = new MVStore.Builder()
                    .adoptFileStore(file) // from here on the MVStore closes it
                    .autoCommitDisabled()
                    .autoCommitBufferSize(0)
                    .open();
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
        try {
            StoreFormat.check(store, path);
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
        return new StoreFile(store, file);
    }
}
