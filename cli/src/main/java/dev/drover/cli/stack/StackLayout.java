package dev.drover.cli.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a supervisor needs to know to run a stack: the home, the repository that holds the services'
 * jars, the services with their ports, and how long a start may take.
 *
 * @param home the stack's directory
 * @param repo the Drover checkout whose modules hold the built service jars
 * @param services the services in start order
 * @param startTimeout how long the services may take to become ready
 */
public record StackLayout(
        StackHome home, Path repo, List<Service> services, Duration startTimeout) {

    /** The default services, with the ports in {@code ports} (service name to port) changed. */
    public static List<Service> services(Map<String, Integer> ports) {
        List<Service> services = new ArrayList<>();
        for (Service s : Service.defaults()) {
            services.add(s.withPort(ports.getOrDefault(s.name(), s.port())));
        }
        return services;
    }

    /** The job API's base URL. */
    public String api() {
        return services.stream()
                .filter(s -> s.name().equals(Service.JOB_SERVICE))
                .findFirst()
                .map(Service::url)
                .orElse("http://127.0.0.1:8080");
    }

    /** Services whose jar has not been built yet. */
    public List<Path> missingJars() {
        return services.stream()
                .map(s -> s.jar(repo))
                .filter(jar -> !jar.toFile().isFile())
                .toList();
    }

    /** Command-line form, read back by {@link #fromArgs}. */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>();
        args.add(home.root().toString());
        args.add(repo.toAbsolutePath().toString());
        args.add(String.valueOf(startTimeout.toSeconds()));
        for (Service s : services) {
            args.add(s.name() + "=" + s.port());
        }
        return args;
    }

    /** Parses what {@link #toArgs} wrote. */
    public static StackLayout fromArgs(String[] args) {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: Supervisor HOME REPO TIMEOUT NAME=PORT...");
        }
        List<Service> services = new ArrayList<>();
        Map<String, Service> known = new java.util.HashMap<>();
        Service.defaults().forEach(s -> known.put(s.name(), s));
        for (int i = 3; i < args.length; i++) {
            String[] nameAndPort = args[i].split("=", 2);
            Service base = known.get(nameAndPort[0]);
            if (base == null || nameAndPort.length != 2) {
                throw new IllegalArgumentException("not a service=port: " + args[i]);
            }
            services.add(base.withPort(Integer.parseInt(nameAndPort[1])));
        }
        return new StackLayout(
                new StackHome(Path.of(args[0])),
                Path.of(args[1]),
                services,
                Duration.ofSeconds(Long.parseLong(args[2])));
    }
}
