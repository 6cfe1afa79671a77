package dev.faultline.cluster.store;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The one-way node-to-node links of a {@link TestCluster}, by name: each listens on 127.0.0.1 and relays every
 * connection to its target, until cut.
 */
interface NodeLinks extends AutoCloseable {
    /** Opens a link that relays nowhere yet (connections close at once); returns the port it listens on. */
    int open(String name) throws IOException;

    /** Relays the link's new connections to {@code target}. */
    void target(String name, InetSocketAddress target) throws IOException;

    /** Closes the link's connections; new ones fail until {@link #restore}. */
    void cut(String name) throws IOException;

    void restore(String name) throws IOException;

    @Override
    void close() throws IOException;
}
