package dev.faultline.faults.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import java.util.List;

/**
 * One accepted client and its upstream socket: two one-way {@link ToxicLink}s. Both sockets share
 * one event loop, and every change to the links is run on it.
 */
final class RelayConnection implements LinkContext {

    private final Channel client;
    private final Channel upstream;
    private final ToxicLink upstreamLink;
    private final ToxicLink downstreamLink;
    private boolean closed;

    RelayConnection(Channel client, Channel upstream) {
        this.client = client;
        this.upstream = upstream;
        this.upstreamLink = new ToxicLink(this, client, new OutputStage(client, upstream));
        this.downstreamLink = new ToxicLink(this, upstream, new OutputStage(upstream, client));
    }

    /** Installs the toxics present when the connection opened. Call on the event loop. */
    void start(List<ToxicSpec> toxics) {
        toxics.forEach(spec -> link(spec.direction()).add(spec));
        client.closeFuture().addListener(f -> onEventLoop(this::closeConnection));
        upstream.closeFuture().addListener(f -> onEventLoop(this::closeConnection));
    }

    void read(Channel from, ByteBuf chunk) {
        if (closed) {
            chunk.release();
        } else {
            (from == client ? upstreamLink : downstreamLink).write(chunk);
        }
    }

    void ended(Channel from) {
        if (!closed) {
            (from == client ? upstreamLink : downstreamLink).end();
        }
    }

    Future<?> addToxic(ToxicSpec spec) {
        return onEventLoop(() -> {
            if (!closed) {
                link(spec.direction()).add(spec);
            }
        });
    }

    Future<?> updateToxic(ToxicSpec spec) {
        return onEventLoop(() -> {
            if (!closed) {
                link(spec.direction()).update(spec);
            }
        });
    }

    Future<?> removeToxic(ToxicSpec spec) {
        return onEventLoop(() -> {
            if (!closed) {
                link(spec.direction()).remove(spec.name());
            }
        });
    }

    @Override
    public EventLoop eventLoop() {
        return client.eventLoop();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void closeConnection() {
        if (closed) {
            return;
        }
        closed = true;
        upstreamLink.discard();
        downstreamLink.discard();
        flushAndClose(client);
        flushAndClose(upstream);
    }

    @Override
    public void resetConnection() {
        if (!closed) {
            client.config().setOption(ChannelOption.SO_LINGER, 0);
            upstream.config().setOption(ChannelOption.SO_LINGER, 0);
            closed = true;
            upstreamLink.discard();
            downstreamLink.discard();
            client.close();
            upstream.close();
        }
    }

    private static void flushAndClose(Channel channel) {
        if (channel.isActive()) {
            channel.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }

    private ToxicLink link(Direction direction) {
        return direction == Direction.UPSTREAM ? upstreamLink : downstreamLink;
    }

    /** Runs {@code task} on the connection's event loop; the future completes when it has run. */
    private Future<?> onEventLoop(Runnable task) {
        EventLoop loop = eventLoop();
        if (loop.inEventLoop()) {
            task.run();
            return loop.newSucceededFuture(null);
        }
        return loop.submit(task);
    }
}
