package dev.drover.provisioner.storage;

import dev.drover.contract.spec.Authentication;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.contract.storage.RemotePath;
import dev.drover.store.ObjectStore;
import dev.drover.store.Stores;
import dev.drover.store.cos.CosCredentials;
import dev.drover.store.file.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Remote paths of a task as both backends reach them, through drover-store: {@code file://} as is,
 * {@code cos://} from COS when configured (signed with the task's COS {@code Authentications} when
 * it has them) or else from the embedded store. {@code cfs://} is not served.
 */
public final class TaskStorage {

    private final Stores stores;

    public TaskStorage(Stores stores) {
        this.stores = stores;
    }

    /** The router underneath (the cvm backend presigns through its COS store). */
    public Stores stores() {
        return stores;
    }

    /**
     * Brings {@code source} (an object or a directory) to {@code target}.
     *
     * @return whether the source was a directory
     * @throws IOException when it is malformed, unserved or does not exist
     */
    public boolean fetch(TaskSpec task, String source, Path target) throws IOException {
        RemotePath path = parse(source);
        ObjectStore store = storeFor(task, path);
        if (isDirectory(store, path)) {
            Files.createDirectories(target);
            store.download(path, target);
            return true;
        }
        if (!store.exists(path)) {
            throw new IOException("source does not exist");
        }
        store.get(path, target);
        return false;
    }

    /**
     * Sends a local file or directory tree to {@code destination}; a destination ending in {@code
     * /} (or an existing local-store directory) receives a file under its own name.
     */
    public void send(TaskSpec task, Path source, String destination) throws IOException {
        RemotePath path = parse(destination);
        ObjectStore store = storeFor(task, path);
        if (Files.isDirectory(source)) {
            store.upload(source, path);
        } else if (isDirectory(store, path)) {
            store.put(path.resolve(source.getFileName().toString()), source);
        } else {
            store.put(path, source);
        }
    }

    /** The store serving {@code path} for {@code task}. */
    public ObjectStore storeFor(TaskSpec task, RemotePath path) {
        return stores.forPath(path, cosCredentials(task.authentications()));
    }

    /** The remote path {@code remote} names, refusing what the backends cannot serve. */
    public static RemotePath parse(String remote) throws IOException {
        RemotePath path =
                RemotePath.tryParse(remote)
                        .orElseThrow(() -> new IOException("not a remote path: " + remote));
        if (path.scheme() == RemotePath.Scheme.CFS) {
            throw new IOException("cfs:// is not supported: " + remote);
        }
        return path;
    }

    /** The task's key pair for COS (Scene "COS"), if it names one. */
    public static Optional<CosCredentials> cosCredentials(List<Authentication> authentications) {
        if (authentications == null) {
            return Optional.empty();
        }
        return authentications.stream()
                .filter(a -> "COS".equalsIgnoreCase(a.scene()))
                .filter(a -> a.secretId() != null && !a.secretId().isBlank())
                .filter(a -> a.secretKey() != null && !a.secretKey().isBlank())
                .findFirst()
                .map(a -> new CosCredentials(a.secretId(), a.secretKey()));
    }

    // A trailing "/" says directory; in the file store an existing directory says so too.
    private static boolean isDirectory(ObjectStore store, RemotePath path) throws IOException {
        if (path.isDirectory()) {
            return true;
        }
        if (store instanceof FileStore files) {
            return Files.isDirectory(files.locate(path));
        }
        return !store.exists(path) && store.exists(path.resolve(""));
    }
}
