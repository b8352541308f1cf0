package dev.drover.collector.archive;

import dev.drover.collector.spool.CompletedStream;
import dev.drover.collector.spool.StreamHeader;
import dev.drover.contract.event.LogsArchived;
import dev.drover.contract.storage.LocalStoreLayout;
import dev.drover.store.ObjectStore;
import dev.drover.store.PutResult;
import dev.drover.store.Stores;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns a completed stream into its objects: writes the attempt's object, points the plain name at
 * the highest attempt archived so far, and returns the LogsArchived to announce. Running it again
 * for the same stream (after a crash) writes the same bytes under the same names.
 */
public final class Archiver {

    private static final Logger LOG = Logger.getLogger(Archiver.class);

    private final Stores stores;
    private final LocalStoreLayout layout;

    public Archiver(Stores stores, LocalStoreLayout layout) {
        this.stores = stores;
        this.layout = layout;
    }

    /**
     * Archives one stream. Empty when its name or directory is refused: the stream is then dropped,
     * since no retry can make that name acceptable.
     */
    public Optional<LogsArchived> archive(CompletedStream stream) throws IOException {
        StreamHeader header = stream.header();
        Optional<ObjectNaming> naming = naming(header);
        if (naming.isEmpty()) {
            return Optional.empty();
        }

        // The attempt's own object first: it is what the event points at.
        ObjectNaming names = naming.get();
        ObjectStore store = stores.forPath(names.directory());
        PutResult stored;
        try {
            stored = store.write(names.attemptObject(header.attempt()), stream::writeTo);
        } catch (FileSystemException e) {
            if (e.getReason() == null || !e.getReason().contains("name too long")) {
                throw e;
            }
            // No retry can shorten the name; a stuck consumer would block every other log.
            LOG.warnf("refusing to archive %s: %s", header.logContext(), e.getReason());
            return Optional.empty();
        }

        // Then the plain name, which an older attempt finishing late must not take over.
        store.copy(
                names.attemptObject(newestAttempt(store, names, header.attempt())),
                names.plainObject());

        LOG.infof(
                "archived %s uri=%s size=%d sha256=%s",
                header.logContext(), stored.uri(), stored.size(), stored.sha256());
        return Optional.of(
                LogsArchived.of(
                        header.jobId(),
                        header.taskName(),
                        header.instanceIndex(),
                        header.attempt(),
                        header.stream(),
                        stored.uri(),
                        stored.size(),
                        stored.sha256()));
    }

    /** Makes the objects archived so far durable; call before announcing them. */
    public void flush() throws IOException {
        stores.files().flush();
    }

    private Optional<ObjectNaming> naming(StreamHeader header) {
        try {
            Optional<ObjectNaming> naming = ObjectNaming.of(header, layout);
            if (naming.isPresent()) {
                // Fails here, before any write, if the directory maps outside the store.
                layout.locate(naming.get().plainObject());
                return naming;
            }
        } catch (IllegalArgumentException e) {
            LOG.debugf("refused location: %s", e.getMessage());
        }
        LOG.warnf(
                "refusing to archive %s: unsafe object name or directory redirectPath=%s fileName=%s",
                header.logContext(), header.redirectPath(), header.fileName());
        return Optional.empty();
    }

    private static int newestAttempt(ObjectStore store, ObjectNaming names, int attempt)
            throws IOException {
        int newest = attempt;
        for (int k = attempt + 1; k <= attempt + ObjectNaming.NEWER_ATTEMPTS_PROBED; k++) {
            if (store.exists(names.attemptObject(k))) {
                newest = k;
            }
        }
        return newest;
    }

    /** The directory the stream's objects go in, for grouping writes to one plain name. */
    public static String plainKey(StreamHeader header) {
        return header.redirectPath() + "\u0000" + header.jobId() + "\u0000" + header.fileName();
    }
}
