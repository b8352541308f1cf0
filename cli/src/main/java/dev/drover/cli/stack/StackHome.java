package dev.drover.cli.stack;

import java.nio.file.Path;

/**
 * The one directory that holds everything a local Drover stack owns: the Kafka and PostgreSQL data,
 * the services' state, the store, the logs and the pid files.
 *
 * @param root the directory itself, absolute
 */
public record StackHome(Path root) {

    /** Environment variable that names the home when {@code --home} is not given. */
    public static final String ENV = "DROVER_HOME";

    public StackHome {
        root = root.toAbsolutePath().normalize();
    }

    /** {@code --home} if given, else {@value #ENV}, else {@code ~/.drover}. */
    public static StackHome resolve(Path option) {
        if (option != null) {
            return new StackHome(option);
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return new StackHome(Path.of(env));
        }
        return new StackHome(Path.of(System.getProperty("user.home"), ".drover"));
    }

    /** Kafka's and PostgreSQL's directory (the local stack's own layout lives below it). */
    public Path infra() {
        return root.resolve("stack");
    }

    /** Root of the embedded file store ({@code drover.store.root}). */
    public Path store() {
        return root.resolve("store");
    }

    /** The provisioner's state directory. */
    public Path provisioner() {
        return root.resolve("provisioner");
    }

    /** The log collector's spool directory. */
    public Path collector() {
        return root.resolve("collector");
    }

    /**
     * The user's own settings for one service ({@code conf/<service>.properties}), read by the
     * service on top of what {@code drover up} gives it, e.g. the cvm backend for
     * provisioner-service.
     */
    public Path serviceConfig(String service) {
        return root.resolve("conf").resolve(service + ".properties");
    }

    /** Where every process of the stack writes its log. */
    public Path logs() {
        return root.resolve("logs");
    }

    /** Log file of one service, or of the supervisor. */
    public Path log(String name) {
        return logs().resolve(name + ".log");
    }

    /** Holds the supervisor's pid while a stack runs from this home. */
    public Path stackPid() {
        return root.resolve("stack.pid");
    }

    /** Every process the supervisor started, with its pid and start time. */
    public Path pids() {
        return root.resolve("pids.properties");
    }

    /** The supervisor's progress: STARTING, READY or FAILED with a message. */
    public Path state() {
        return root.resolve("stack.state");
    }
}
