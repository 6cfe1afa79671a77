package dev.faultline.cluster.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listening Netty TCP server with its own small event-loop groups. Accepted connections get TCP_NODELAY and
 * are tracked, so {@link #close()} can stop listening, close every connection and free the threads.
 */
public final class NettyServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NettyServer.class);
    private static final long SHUTDOWN_TIMEOUT_MS = 2_000;

    private final String label;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final InetSocketAddress address;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NettyServer(String label, EventLoopGroup boss, EventLoopGroup workers, Channel serverChannel,
            ChannelGroup connections) {
        this.label = label;
        this.boss = boss;
        this.workers = workers;
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.address = (InetSocketAddress) serverChannel.localAddress();
    }

    /**
     * Binds {@code host:port} (port 0 picks a free one) and returns once listening.
     *
     * @param label     names the server in thread names, logs and errors, e.g. {@code "store n1"}
     * @param childInit sets up the pipeline of each accepted connection
     * @throws ServerStartException naming the server, host:port and the cause if it cannot listen
     */
    public static NettyServer start(String label, String host, int port, ServerThreads threads,
            ChannelHandler childInit) {
        String threadPrefix = label.replace(' ', '-');
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(threads.boss(),
                new DefaultThreadFactory(threadPrefix + "-boss", true), Transport.CURRENT.ioHandlers());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(threads.workers(),
                new DefaultThreadFactory(threadPrefix + "-io", true), Transport.CURRENT.ioHandlers());
        ChannelGroup connections = new DefaultChannelGroup(label, boss.next());
        try {
            InetSocketAddress bindAddress = new InetSocketAddress(host, port);
            if (bindAddress.isUnresolved()) {
                throw new ServerStartException(label + " could not listen on " + host + ":" + port
                        + ": host '" + host + "' cannot be resolved", null);
            }
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(Transport.CURRENT.serverChannel())
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            connections.add(ch);
                            ch.pipeline().addLast(childInit);
                        }
                    });
            ChannelFuture bound = bootstrap.bind(bindAddress).awaitUninterruptibly();
            if (!bound.isSuccess()) {
                Throwable cause = bound.cause();
                throw new ServerStartException(label + " could not listen on " + host + ":" + port + ": "
                        + describe(cause), cause);
            }
            NettyServer server = new NettyServer(label, boss, workers, bound.channel(), connections);
            LOG.info("{} listening on {}", label, server.address);
            return server;
        } catch (RuntimeException e) {
            shutDown(boss, workers);
            throw e;
        }
    }

    /** The address the server really listens on (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return address;
    }

    public int port() {
        return address.getPort();
    }

    /**
     * The event loops serving accepted connections, for a component that wants its own client connections handled
     * on the same threads (closed with the server).
     */
    public EventLoopGroup workers() {
        return workers;
    }

    /** Accepted connections still open. */
    public int openConnections() {
        return connections.size();
    }

    /** Idempotent: stops listening, closes every accepted connection and stops the event-loop threads. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean onOwnThread = runsOn(boss) || runsOn(workers);
        serverChannel.close();
        connections.close();
        Future<?> bossDone = boss.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Future<?> workersDone = workers.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (!onOwnThread) {
            bossDone.awaitUninterruptibly();
            workersDone.awaitUninterruptibly();
        }
        LOG.info("{} stopped", label);
    }

    private static void shutDown(EventLoopGroup boss, EventLoopGroup workers) {
        boss.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS).awaitUninterruptibly();
        workers.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS).awaitUninterruptibly();
    }

    private static boolean runsOn(EventLoopGroup group) {
        for (EventExecutor executor : group) {
            if (executor.inEventLoop()) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown cause";
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    @Override
    public String toString() {
        return label + " on " + address;
    }
}
