package dev.faultline.cluster.store;

import dev.faultline.cluster.http.ConfigNames;

/**
 * How one store node reaches another: in a cluster the address is the fault-proxy listener of the link
 * {@code self->name}, so cutting that link partitions the two nodes.
 *
 * @param name the other node's name, e.g. {@code n2}
 * @param host its host (or its link's listener host)
 * @param port its port (or its link's listener port); 1-65535
 */
public record Peer(String name, String host, int port) {
    public Peer {
        ConfigNames.requireName("peers[].name", name);
        ConfigNames.requireHost(host);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("'peers[].port' of peer " + name + " must be between 1 and 65535, but is " + port);
        }
    }
}
