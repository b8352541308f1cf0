package dev.drover.cli.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the four Drover services as the local stack runs it: its Maven module, HTTP port and
 * database.
 *
 * @param name the Maven module, also the name of its log file
 * @param port loopback HTTP port
 * @param database one of the local stack's databases, or null when the service has none
 */
public record Service(String name, int port, String database) {

    /** The job-service's name; its port is the API's. */
    public static final String JOB_SERVICE = "job-service";

    /** The services in start order, on their default ports. */
    public static List<Service> defaults() {
        return List.of(
                new Service(JOB_SERVICE, 8080, "drover_jobs"),
                new Service("scheduler-service", 8081, "drover_scheduler"),
                new Service("provisioner-service", 8082, null),
                new Service("log-collector", 8083, null));
    }

    /** The same service on another port. */
    public Service withPort(int newPort) {
        return new Service(name, newPort, database);
    }

    /** The runnable jar Quarkus builds in the module. */
    public Path jar(Path repo) {
        return repo.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Base URL of the service's HTTP server. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }
}
