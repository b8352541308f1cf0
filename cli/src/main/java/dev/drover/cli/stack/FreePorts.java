package dev.drover.cli.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks, before a stack starts anything, that every service's port is free on loopback. Without it
 * a second stack would find another stack's services answering its readiness checks.
 */
public final class FreePorts {

    private FreePorts() {}

    /** The services whose port cannot be bound on 127.0.0.1 right now. */
    public static List<Service> busy(List<Service> services) {
        return services.stream().filter(s -> !canBind(s.port())).toList();
    }

    /** Throws, naming each busy port and the ways out, unless every port is free. */
    public static void require(List<Service> services) {
        List<Service> busy = busy(services);
        if (busy.isEmpty()) {
            return;
        }
        String ports =
                busy.stream()
                        .map(s -> s.port() + " (" + s.name() + ")")
                        .collect(Collectors.joining(", "));
        String others =
                busy.stream()
                        .map(s -> "--port " + s.name() + "=" + suggestion(s.port()))
                        .collect(Collectors.joining(" "));
        throw new StackException(
                "port "
                        + ports
                        + " in use on 127.0.0.1; another Drover stack or program holds it."
                        + "\nStop that stack (./drover down --home <its home>) or choose other"
                        + " ports: ./drover up "
                        + others);
    }

    private static int suggestion(int port) {
        return port + 10000 <= 65535 ? port + 10000 : port - 10000;
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
