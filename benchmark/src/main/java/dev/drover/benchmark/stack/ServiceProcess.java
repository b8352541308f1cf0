package dev.drover.benchmark.stack;

import dev.drover.cli.stack.Service;

/**
 * One service JVM of the benchmark's stack.
 *
 * @param service the service with the port it runs on
 * @param process its process
 */
public record ServiceProcess(Service service, Process process) {

    /** The service's module name. */
    public String name() {
        return service.name();
    }

    /** The process id, for {@code /proc/<pid>/status}. */
    public long pid() {
        return process.pid();
    }

    @Override
    public String toString() {
        return service.name() + " (pid " + process.pid() + ")";
    }
}
