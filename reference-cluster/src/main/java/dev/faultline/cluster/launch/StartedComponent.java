package dev.faultline.cluster.launch;

import java.net.InetSocketAddress;

/**
 * A component listening in this JVM.
 *
 * @param name    the component's name, e.g. {@code n1} or {@code lb}
 * @param address where it really listens
 * @param server  stops it; idempotent
 */
public record StartedComponent(String name, InetSocketAddress address, AutoCloseable server) implements AutoCloseable {

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping " + name + " failed: " + e.getMessage(), e);
        }
    }
}
