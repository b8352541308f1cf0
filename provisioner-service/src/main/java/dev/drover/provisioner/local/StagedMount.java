package dev.drover.provisioner.local;

import java.nio.file.Path;

/**
 * An InputMapping made ready: its copy in the attempt's directory and where the command sees it.
 *
 * @param destination the DestinationPath, as the command sees it
 * @param staged the copy on the host, inside the attempt's directory
 * @param directory whether it is a directory (else a single file)
 */
public record StagedMount(Path destination, Path staged, boolean directory) {

    /**
     * Where a path the command used lands on the host: under a mapped destination it is in the
     * staged copy (writes through the bind mount go there); anywhere else it is the host's own.
     */
    public static Path onHost(Path commandPath, Iterable<StagedMount> mounts) {
        Path normal = commandPath.normalize();
        for (StagedMount mount : mounts) {
            if (normal.startsWith(mount.destination())) {
                return mount.staged().resolve(mount.destination().relativize(normal).toString());
            }
        }
        return normal;
    }
}
