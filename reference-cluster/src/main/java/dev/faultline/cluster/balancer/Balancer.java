package dev.faultline.cluster.balancer;

import dev.faultline.cluster.http.NettyServer;
import dev.faultline.cluster.http.ServerThreads;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A layer 7 HTTP/1.1 reverse proxy spreading requests round-robin over its backends, with keep-alive
 * connections on both sides. Each response carries {@code X-Backend: <name>}; a failed backend answers 502 and a
 * slow one 504, both naming the backend.
 */
public final class Balancer implements AutoCloseable {
    /** One acceptor and two I/O threads; each I/O thread keeps its own pools of backend connections. */
    static final ServerThreads THREADS = new ServerThreads(1, 2);

    private final String name;
    private final NettyServer server;
    private final BackendPools pools;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Balancer(String name, NettyServer server, BackendPools pools) {
        this.name = name;
        this.server = server;
        this.pools = pools;
    }

    /**
     * Starts the balancer and returns once it listens. Backends are connected lazily, on the first request.
     *
     * @throws dev.faultline.cluster.http.ServerStartException naming host:port and the cause if it cannot listen
     */
    public static Balancer start(BalancerConfig config) {
        Objects.requireNonNull(config, "config");
        BackendPools pools = new BackendPools(config.backendTimeout());
        BalancerChannelInitializer pipeline = new BalancerChannelInitializer(
                new RoundRobin(config.backends()), pools, config.backendTimeout());
        NettyServer server = NettyServer.start("balancer " + config.name(), config.host(), config.port(),
                THREADS, pipeline);
        return new Balancer(config.name(), server, pools);
    }

    public String name() {
        return name;
    }

    /** The port the balancer really listens on. */
    public int port() {
        return server.port();
    }

    public InetSocketAddress address() {
        return server.address();
    }

    /** Idempotent: stops listening, closes client and backend connections and frees the threads. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pools.close();
            server.close();
        }
    }

    @Override
    public String toString() {
        return "Balancer[" + name + " on " + address() + "]";
    }
}
