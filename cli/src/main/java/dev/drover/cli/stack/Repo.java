package dev.drover.cli.stack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the Drover checkout whose modules hold the service jars. */
public final class Repo {

    /** System property the launcher script sets to the repository root. */
    public static final String PROPERTY = "drover.repo";

    private Repo() {}

    /**
     * {@code option} if given, else {@value #PROPERTY}, else {@code DROVER_REPO}, else the checkout
     * this class was loaded from, else the working directory.
     */
    public static Path locate(Path option) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String property = System.getProperty(PROPERTY, System.getenv("DROVER_REPO"));
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path dir = codeLocation();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("job-service"))
                    && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        return Path.of("").toAbsolutePath();
    }

    private static Path codeLocation() {
        try {
            return Path.of(Repo.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
