package dev.faultline.cluster.store;

import dev.faultline.cluster.http.ConfigNames;

/**
 * How to start one store node.
 *
 * @param name the node's name, e.g. {@code n1}; sent back in the {@code X-Node} header of every response
 * @param host the address to listen on, e.g. {@code 127.0.0.1}
 * @param port the port to listen on; 0 picks a free port
 */
public record StoreNodeConfig(String name, String host, int port) {
    public StoreNodeConfig {
        ConfigNames.requireName("name", name);
        ConfigNames.requireHost(host);
        ConfigNames.requirePort(port);
    }

    /** A node named {@code name} on 127.0.0.1 at a free port. */
    public static StoreNodeConfig local(String name) {
        return new StoreNodeConfig(name, "127.0.0.1", 0);
    }
}
