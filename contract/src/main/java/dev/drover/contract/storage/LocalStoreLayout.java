package dev.drover.contract.storage;

import java.nio.file.Path;

/**
 * Where the embedded default store keeps things on disk. With no COS endpoint configured, a {@code
 * cos://bucket/key} path is served from {@code <root>/cos/<bucket>/<key>}, so a job written for
 * Tencent Cloud runs unchanged on a laptop. Logs of a task without RedirectInfo go under {@code
 * <root>/logs/<jobId>/}.
 */
public final class LocalStoreLayout {

    private final Path root;

    public LocalStoreLayout(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * The local file or directory a remote path maps to. Refuses paths that would leave the store
     * (a key with {@code ..}), so a hostile name can never write outside it.
     */
    public Path locate(RemotePath path) {
        Path base =
                switch (path.scheme()) {
                    case FILE -> Path.of("/");
                    case COS -> root.resolve("cos").resolve(path.bucket());
                    case CFS -> root.resolve("cfs").resolve(path.bucket());
                };
        Path resolved = base.resolve(path.key()).normalize();
        if (!resolved.startsWith(base)) {
            throw new IllegalArgumentException("path leaves the store: " + path);
        }
        return resolved;
    }

    /** The directory for a job's logs when its task has no RedirectInfo. */
    public RemotePath defaultLogDirectory(String jobId) {
        return RemotePath.parse(RemotePath.fileUriPath(root.resolve("logs").resolve(jobId)) + "/");
    }
}
