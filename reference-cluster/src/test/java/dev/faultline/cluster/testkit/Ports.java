package dev.faultline.cluster.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Addresses for tests. */
public final class Ports {
    private Ports() {
    }

    /** An address on 127.0.0.1 where, a moment ago, nothing listened: connecting to it is refused. */
    public static InetSocketAddress refusing() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort());
        }
    }
}
