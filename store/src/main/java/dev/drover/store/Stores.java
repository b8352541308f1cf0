package dev.drover.store;

import dev.drover.contract.storage.LocalStoreLayout;
import dev.drover.contract.storage.RemotePath;
import dev.drover.store.cos.CosConfig;
import dev.drover.store.cos.CosCredentials;
import dev.drover.store.cos.CosStore;
import dev.drover.store.file.FileStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the store for a path. {@code file://} always goes to the embedded {@link FileStore}; {@code
 * cos://} goes to COS when COS is configured, else to the file store under its root (so a job
 * written for Tencent Cloud runs unchanged on a laptop); {@code cfs://} lives in the file store. A
 * task's own {@code Authentications} get a COS store of their own, kept for reuse.
 */
public final class Stores implements AutoCloseable {

    private final FileStore files;
    private final Optional<CosConfig> cos;
    private final Optional<CosStore> serviceCos;
    private final Map<CosCredentials, CosStore> otherAccounts = new ConcurrentHashMap<>();

    /**
     * @param layout the embedded store's root
     * @param fsync whether the file store forces writes to disk before renaming them
     * @param cos how to reach COS, or empty to keep cos:// paths in the file store
     */
    public Stores(LocalStoreLayout layout, boolean fsync, Optional<CosConfig> cos) {
        this(new FileStore(layout, fsync), cos);
    }

    /**
     * @param files the embedded file store, configured by the caller
     * @param cos how to reach COS, or empty to keep cos:// paths in the file store
     */
    public Stores(FileStore files, Optional<CosConfig> cos) {
        this.files = files;
        this.cos = cos;
        this.serviceCos = cos.map(CosStore::new);
    }

    /** The embedded file store. */
    public FileStore files() {
        return files;
    }

    /** Whether cos:// paths go to a real COS endpoint. */
    public boolean cosEnabled() {
        return cos.isPresent();
    }

    /** The store for {@code path}, signing COS requests with the service's own key pair. */
    public ObjectStore forPath(RemotePath path) {
        if (path.scheme() == RemotePath.Scheme.COS && serviceCos.isPresent()) {
            return serviceCos.get();
        }
        return files;
    }

    /**
     * The store for {@code path}, signing COS requests with {@code credentials} when given (a
     * task's {@code Authentications} entry with Scene COS).
     */
    public ObjectStore forPath(RemotePath path, Optional<CosCredentials> credentials) {
        if (credentials.isEmpty() || path.scheme() != RemotePath.Scheme.COS || cos.isEmpty()) {
            return forPath(path);
        }
        return otherAccounts.computeIfAbsent(
                credentials.get(), c -> new CosStore(cos.get().withCredentials(c)));
    }

    @Override
    public void close() {
        serviceCos.ifPresent(CosStore::close);
        otherAccounts.values().forEach(CosStore::close);
        otherAccounts.clear();
    }
}
