package dev.drover.provisioner.local;

import dev.drover.contract.storage.LocalStoreLayout;
import dev.drover.contract.storage.RemotePath;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Remote paths as the local backend reaches them: {@code file://} is the path itself, {@code
 * cos://} lives in the embedded store ({@link LocalStoreLayout}). {@code cfs://} is not served.
 */
public final class LocalStore {

    private final LocalStoreLayout layout;

    public LocalStore(LocalStoreLayout layout) {
        this.layout = layout;
    }

    /**
     * The local path a remote path names.
     *
     * @throws IOException if the path is malformed, leaves the store or has an unserved scheme
     */
    public Path locate(String remote) throws IOException {
        RemotePath path =
                RemotePath.tryParse(remote)
                        .orElseThrow(() -> new IOException("not a remote path: " + remote));
        if (path.scheme() == RemotePath.Scheme.CFS) {
            throw new IOException("cfs:// is not supported by the local backend: " + remote);
        }
        try {
            return layout.locate(path);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Copies a file, or a directory's whole tree, to {@code target} (created as needed). */
    public static void copy(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        Files.walkFileTree(
                source,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                            throws IOException {
                        Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                            throws IOException {
                        Path to = target.resolve(source.relativize(file).toString());
                        Files.copy(
                                file,
                                to,
                                StandardCopyOption.REPLACE_EXISTING,
                                StandardCopyOption.COPY_ATTRIBUTES);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    /** Removes a file or a directory tree; missing is fine. */
    public static void delete(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
