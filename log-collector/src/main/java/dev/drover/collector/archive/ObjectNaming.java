package dev.drover.collector.archive;

import dev.drover.collector.spool.StreamHeader;
import dev.drover.contract.storage.LocalStoreLayout;
import dev.drover.contract.storage.RemotePath;
import java.util.Optional;

/**
 * Where one attempt's stream is archived (pure). In the directory named by the chunk's
 * redirectPath, or {@code <store root>/logs/<jobId>/} when it has none:
 *
 * <ul>
 *   <li>{@code <fileName>.attempt-<n>}: attempt n's bytes, kept for every attempt;
 *   <li>{@code <fileName>}: the same bytes as the highest attempt archived so far.
 * </ul>
 *
 * The name keeps the task name's UTF-8 bytes as they are (spaces, parentheses, CJK). A name that
 * could leave the directory is refused.
 *
 * @param directory the directory the objects go in
 * @param fileName the plain name
 */
public record ObjectNaming(RemotePath directory, String fileName) {

    /** Attempts above this one looked for when deciding whether a newer attempt already won. */
    static final int NEWER_ATTEMPTS_PROBED = 16;

    /** The naming of a stream, or empty (with the reason logged by the caller) if refused. */
    public static Optional<ObjectNaming> of(StreamHeader header, LocalStoreLayout layout) {
        if (!isSafeName(header.fileName()) || !isSafeName(header.jobId())) {
            return Optional.empty();
        }
        RemotePath directory =
                header.redirectPath() == null
                        ? layout.defaultLogDirectory(header.jobId())
                        : RemotePath.tryParse(directoryOf(header.redirectPath())).orElse(null);
        return Optional.ofNullable(directory).map(d -> new ObjectNaming(d, header.fileName()));
    }

    private static String directoryOf(String redirectPath) {
        return redirectPath.endsWith("/") ? redirectPath : redirectPath + "/";
    }

    /** One path segment: not empty, no separator, no {@code .}/{@code ..}, no control bytes. */
    static boolean isSafeName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
            return false;
        }
        return name.chars().noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c));
    }

    /** The object holding attempt {@code attempt}'s bytes. */
    public RemotePath attemptObject(int attempt) {
        return directory.resolve(fileName + ".attempt-" + attempt);
    }

    /** The object holding the highest attempt's bytes. */
    public RemotePath plainObject() {
        return directory.resolve(fileName);
    }
}
