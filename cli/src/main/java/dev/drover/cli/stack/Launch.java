package dev.drover.cli.stack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** How the CLI starts its child JVMs. */
public final class Launch {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /** Heap of each service under {@code drover up}. */
    public static final String SERVICE_HEAP = "256m";

    private Launch() {}

    /** The java executable of the running JVM, so children run on the same Java. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * {@code setsid} where there is one: a child in its own session gets neither the terminal's
     * Ctrl-C nor its hang-up, so only the supervisor decides when and in which order it stops.
     */
    public static List<String> detachedPrefix() {
        return Files.isExecutable(SETSID) ? List.of(SETSID.toString()) : List.of();
    }

    /** The JVM options of a service, heap first. */
    public static List<String> serviceOptions(String heap) {
        return List.of(
                "-Xmx" + heap,
                // The default (posix_spawn through jspawnhelper) costs one more exec per command:
                // a tenth of the provisioner's CPU in a fan-out of trivial instances.
                "-Djdk.lang.Process.launchMechanism=VFORK");
    }

    public static File devNull() {
        return new File("/dev/null");
    }

    /** This JVM's classpath with every entry made absolute, for a child started elsewhere. */
    static String classpath() {
        StringBuilder cp = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                if (!cp.isEmpty()) {
                    cp.append(File.pathSeparator);
                }
                cp.append(Path.of(entry).toAbsolutePath());
            }
        }
        return cp.toString();
    }
}
