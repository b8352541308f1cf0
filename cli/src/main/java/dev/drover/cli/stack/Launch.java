package dev.drover.cli.stack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** How the CLI starts its child JVMs. */
public final class Launch {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /**
     * Heap of each service under {@code drover up}: enough for a 100,000-task dry run in
     * job-service while every service stays under 400 MB resident (see benchmark/README.md).
     */
    public static final String SERVICE_HEAP = "192m";

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
                // On small heaps and 2 cores the serial collector keeps up, without G1's ~50 MB of
                // remembered sets and its GC threads.
                "-XX:+UseSerialGC",
                // C2 recompiling kept half of each service's CPU busy in the benchmark, and on 2
                // cores it competes with the work itself; C1's code is fast enough for services
                // that mostly wait on Kafka, PostgreSQL and child processes.
                "-XX:TieredStopAtLevel=1",
                // The default (posix_spawn through jspawnhelper) costs one more exec per command
                // the JDK starts (the provisioner's kill, unshare probe, and fallback launcher).
                "-Djdk.lang.Process.launchMechanism=VFORK",
                // Java 17 takes its charset from the locale: without a UTF-8 LANG (cron, CI,
                // containers) it would be ASCII, and JSON and logs are UTF-8.
                "-Dfile.encoding=UTF-8");
    }

    /**
     * A process builder for a service: glibc's per-thread malloc arenas (up to 8 per core) hold
     * freed native memory a JVM with a hundred threads never gives back; two are enough.
     */
    public static ProcessBuilder serviceProcess(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        return builder;
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
