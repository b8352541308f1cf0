package dev.drover.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks loopback ports that nothing listens on right now. */
final class FreePort {

    private FreePort() {}

    /**
     * Returns a port the kernel just handed out on 127.0.0.1. The socket is closed before the
     * server binds it, so another process could take it in between; the window is tiny and the
     * servers fail loudly if it happens.
     */
    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
