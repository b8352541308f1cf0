package dev.drover.store;

import dev.drover.contract.storage.RemotePath;
import java.nio.file.Path;

/** Mapping between keys below a directory and files below a local directory, refusing escapes. */
public final class RelativeKeys {

    private RelativeKeys() {}

    /** The key prefix of a directory path: its key, with a trailing {@code /} unless empty. */
    public static String directoryKey(RemotePath prefix) {
        String key = prefix.key();
        return key.isEmpty() || key.endsWith("/") ? key : key + "/";
    }

    /**
     * The local file a relative key lands on under {@code localDir}.
     *
     * @throws StoreException code {@code InvalidPath} when the key would leave {@code localDir}
     */
    public static Path localFile(Path localDir, String relativeKey) throws StoreException {
        Path base = localDir.toAbsolutePath().normalize();
        Path target = base.resolve(relativeKey).normalize();
        if (relativeKey.isEmpty()
                || relativeKey.startsWith("/")
                || !target.startsWith(base)
                || target.equals(base)) {
            throw new StoreException(
                    "InvalidPath", false, "key leaves the target directory: " + relativeKey, null);
        }
        return target;
    }

    /** The relative key of a file below {@code localDir}, with {@code /} separators. */
    public static String keyOf(Path localDir, Path file) {
        Path relative = localDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath());
        StringBuilder key = new StringBuilder();
        for (Path part : relative) {
            if (key.length() > 0) {
                key.append('/');
            }
            key.append(part);
        }
        return key.toString();
    }
}
