package dev.faultline.cluster.store;

import dev.faultline.cluster.http.NettyServer;
import dev.faultline.cluster.http.ServerThreads;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One in-memory key-value store node serving HTTP/1.1: {@code GET/PUT/DELETE /kv/{key}}, {@code GET /health}
 * and {@code GET /internal/digest}. Every response carries {@code X-Node: <name>}.
 */
public final class StoreNode implements AutoCloseable {
    private final String name;
    private final NettyServer server;

    private StoreNode(String name, NettyServer server) {
        this.name = name;
        this.server = server;
    }

    /**
     * Starts the node and returns once it listens.
     *
     * @throws dev.faultline.cluster.http.ServerStartException naming host:port and the cause if it cannot listen
     */
    public static StoreNode start(StoreNodeConfig config) {
        Objects.requireNonNull(config, "config");
        StoreApi api = new StoreApi(config.name(), new KeyValueStore());
        StoreChannelInitializer pipeline = new StoreChannelInitializer(config.name(), new StoreHandler(api));
        NettyServer server = NettyServer.start("store " + config.name(), config.host(), config.port(),
                ServerThreads.SMALL, pipeline);
        return new StoreNode(config.name(), server);
    }

    public String name() {
        return name;
    }

    /** The port the node really listens on. */
    public int port() {
        return server.port();
    }

    public InetSocketAddress address() {
        return server.address();
    }

    /** Idempotent: stops listening, closes every connection and frees the node's threads. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "StoreNode[" + name + " on " + address() + "]";
    }
}
