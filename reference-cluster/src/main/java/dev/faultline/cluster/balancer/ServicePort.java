package dev.faultline.cluster.balancer;

import dev.faultline.cluster.http.NettyServer;
import dev.faultline.cluster.http.ServerStartException;
import dev.faultline.cluster.http.ServerThreads;
import io.netty.channel.ChannelHandler;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The port clients reach a balancer on. A lone balancer binds it at start or fails to start. A balancer of a
 * primary/standby pair that finds the port taken becomes the standby: every {@link #TAKEOVER_CHECK} it tries to bind
 * the port, and binds it for good once it is free. The operating system is the arbiter, as a virtual IP is for
 * keepalived: a listening port is freed the moment the process holding it dies (a {@code kill -9} included), and only
 * then; a paused primary keeps its port, so the pair can never both serve.
 */
final class ServicePort implements AutoCloseable {
    /** How often a standby tries to take the service port. */
    static final Duration TAKEOVER_CHECK = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(ServicePort.class);

    private final String label;
    private final InetSocketAddress address;
    private final ServerThreads threads;
    private final ChannelHandler childInit;
    private final Runnable onTakeover;
    private final ScheduledExecutorService watcher;
    private volatile NettyServer server;
    private volatile boolean closed;

    private ServicePort(String label, InetSocketAddress address, ServerThreads threads, ChannelHandler childInit,
            Runnable onTakeover, ScheduledExecutorService watcher) {
        this.label = label;
        this.address = address;
        this.threads = threads;
        this.childInit = childInit;
        this.onTakeover = onTakeover;
        this.watcher = watcher;
    }

    /** Binds the port now or fails with {@link ServerStartException}. */
    static ServicePort bind(String label, String host, int port, ServerThreads threads, ChannelHandler childInit) {
        NettyServer server = NettyServer.start(label, host, port, threads, childInit);
        ServicePort servicePort = new ServicePort(label, server.address(), threads, childInit, () -> { }, null);
        servicePort.server = server;
        return servicePort;
    }

    /**
     * Binds the port now if it is free, else becomes the standby: warms its request path ({@link StandbyWarmUp}, at
     * most {@link StandbyWarmUp#AT_MOST}), then watches the port and binds it once it is free, then calls
     * {@code onTakeover}. Port 0 always binds a free port.
     */
    static ServicePort bindOrStandBy(String label, String host, int port, ServerThreads threads,
            ChannelHandler childInit, Runnable onTakeover) {
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, label.replace(' ', '-') + "-standby");
            thread.setDaemon(true);
            return thread;
        });
        ServicePort servicePort = new ServicePort(label, new InetSocketAddress(host, port), threads, childInit,
                onTakeover, watcher);
        if (servicePort.tryBind()) {
            watcher.shutdown();
            return servicePort;
        }
        LOG.info("{} is the standby: {} is taken; trying to take it every {} ms", label, servicePort.address,
                TAKEOVER_CHECK.toMillis());
        long since = System.nanoTime();
        watcher.execute(() -> StandbyWarmUp.run(label, host, threads, childInit));
        watcher.scheduleWithFixedDelay(() -> servicePort.takeOverIfFree(since), TAKEOVER_CHECK.toNanos(),
                TAKEOVER_CHECK.toNanos(), TimeUnit.NANOSECONDS);
        return servicePort;
    }

    private void takeOverIfFree(long standbySince) {
        try {
            if (closed || server != null || !tryBind()) {
                return;
            }
        } catch (RuntimeException e) {
            // a failed try must not end the watch: a scheduled task that throws is never run again
            LOG.warn("{} could not take over {}; trying again in {} ms: {}", label, address, TAKEOVER_CHECK.toMillis(),
                    e.toString());
            return;
        }
        LOG.info("{} took over the service port {} after {} ms as the standby", label, address,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - standbySince));
        watcher.shutdown();
        onTakeover.run();
    }

    /**
     * Binds the Netty server if the port is free; false if it is taken. A plain socket probes the port first, so a
     * standby does not build and tear down event-loop threads ten times a second.
     */
    private synchronized boolean tryBind() {
        if (closed) {
            return false;
        }
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            probe.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            probe.bind(address);
        } catch (BindException taken) {
            return false;
        } catch (IOException e) {
            LOG.warn("{} cannot probe {}: {}", label, address, e.toString());
            return false;
        }
        try {
            server = NettyServer.start(label, address.getHostString(), address.getPort(), threads, childInit);
            return true;
        } catch (ServerStartException e) {
            if (e.getCause() instanceof BindException) {
                return false; // taken again between the probe and the bind: keep waiting
            }
            throw e;
        }
    }

    /** True once this balancer listens on the port: from the start, or since it took over. */
    boolean active() {
        return server != null;
    }

    /** The port's address: where it listens, or where it waits to listen as the standby. */
    InetSocketAddress address() {
        NettyServer current = server;
        return current == null ? address : current.address();
    }

    /** Client connections open right now; 0 on a standby. */
    int openConnections() {
        NettyServer current = server;
        return current == null ? 0 : current.openConnections();
    }

    /** Idempotent: stops watching and, if listening, stops the server. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        if (watcher != null) {
            watcher.shutdownNow();
        }
        NettyServer current = server;
        if (current != null) {
            current.close();
        }
    }
}
