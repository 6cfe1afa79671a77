package dev.faultline.cluster.balancer;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;

/**
 * The idle keep-alive connections one event loop keeps to one backend, reused last in, first out. Used only on
 * its event loop (the loop of the client connections it serves, which also runs its backend connections), so it
 * needs no locks and an exchange never crosses threads.
 */
final class BackendPool {
    /** Told once which connection an exchange got, or why there is none. */
    interface Waiter {
        void connected(Channel channel);

        void connectFailed(Throwable cause);
    }

    private final EventLoop eventLoop;
    private final Bootstrap bootstrap;
    private final ArrayDeque<Channel> idle = new ArrayDeque<>();
    private boolean closed;

    /** @param bootstrap connects to the backend from {@code eventLoop}, with the pipeline of a backend connection */
    BackendPool(EventLoop eventLoop, Bootstrap bootstrap) {
        this.eventLoop = eventLoop;
        this.bootstrap = bootstrap;
    }

    /** Hands {@code waiter} the most recently idle open connection, or a new one once it is connected. */
    void acquire(Waiter waiter) {
        assert eventLoop.inEventLoop();
        Channel channel;
        while ((channel = idle.pollFirst()) != null) {
            if (channel.isActive()) {
                waiter.connected(channel);
                return;
            }
        }
        bootstrap.connect().addListener((ChannelFutureListener) (ChannelFuture connected) -> {
            if (connected.isSuccess()) {
                waiter.connected(connected.channel());
            } else {
                waiter.connectFailed(connected.cause());
            }
        });
    }

    /** Takes back a connection that finished a keep-alive exchange; closes it if it is closed or the pool is. */
    void release(Channel channel) {
        assert eventLoop.inEventLoop();
        if (closed || !channel.isActive()) {
            channel.close();
            return;
        }
        idle.addFirst(channel);
    }

    /**
     * Closes the idle connections and every connection given back from now on. Nothing to do once the event loop
     * is shutting down: its connections close with it.
     */
    void close() {
        if (eventLoop.isShuttingDown()) {
            return;
        }
        if (!eventLoop.inEventLoop()) {
            eventLoop.execute(this::close);
            return;
        }
        closed = true;
        idle.forEach(Channel::close);
        idle.clear();
    }
}
