package dev.faultline.cluster.balancer;

import dev.faultline.cluster.http.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays one client connection to one backend, byte for byte (layer 4). On accept: the limiter may refuse the
 * connection and the strategy picks a backend (keyed by the client address); a refused connection, or one no
 * backend can take, is closed at once. A connection failure counts against the backend's breaker. Reads on each
 * side wait until the other side has taken the previous bytes, so a slow reader slows its writer instead of
 * filling memory. A half-close passes on as one: when one side ends its output (its FIN), the other side's output
 * is shut once every byte before it has been written, and the answer still flows back; a connection whose two
 * directions have both ended is closed. Either side closing (or resetting) closes the other.
 */
final class RelayFrontend extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(RelayFrontend.class);

    private final Routing routing;
    private final Duration connectTimeout;
    private BackendState backend;
    private Channel outbound;
    private ChannelFuture connected;
    private boolean clientEnded;
    private boolean backendEnded;
    private long start;

    RelayFrontend(Routing routing, Duration connectTimeout) {
        this.routing = routing;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        routing.metrics().connectionOpened();
        start = System.nanoTime();
        Channel inbound = ctx.channel();
        if (routing.refusedByLimiter(inbound.remoteAddress()) != null) {
            inbound.close();
            return;
        }
        backend = routing.choose(inbound.remoteAddress());
        if (backend == null) {
            LOG.debug("closing {}: {}", inbound, routing.refusal());
            routing.metrics().error(routing.refusalKind());
            inbound.close();
            return;
        }
        connected = new Bootstrap()
                .group(inbound.eventLoop())
                .channel(Transport.CURRENT.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .handler(new RelayBackend(inbound, this))
                .connect(backend.backend().address());
        outbound = connected.channel();
        connected.addListener((ChannelFuture future) -> {
            if (future.isSuccess() && !inbound.isActive()) {
                outbound.close();
            } else if (future.isSuccess()) {
                backend.record(false, System.nanoTime() - start);
                readClient(inbound);
                readBackend();
            } else {
                LOG.debug("{} could not be reached for {}", backend.backend().describe(), inbound, future.cause());
                backend.record(true, System.nanoTime() - start);
                routing.metrics().error("connect_failed");
                inbound.close();
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (connected != null && !connected.isDone()) {
            // bytes that came with the client's FIN are read before the backend is connected: they go once it is
            connected.addListener((ChannelFuture c) -> relay(ctx, msg));
            return;
        }
        relay(ctx, msg);
    }

    private void relay(ChannelHandlerContext ctx, Object msg) {
        if (outbound == null || !outbound.isActive()) {
            ReferenceCountUtil.release(msg);
            return;
        }
        outbound.writeAndFlush(msg).addListener((ChannelFutureListener) written -> {
            if (written.isSuccess()) {
                readClient(ctx.channel());
            } else {
                written.channel().close();
                ctx.close();
            }
        });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            if (connected == null) {
                ctx.close();
            } else {
                // the client has sent all it will send: once connected, the backend gets the same end of input
                clientEnded = true;
                connected.addListener((ChannelFuture c) -> {
                    if (c.isSuccess()) {
                        shutOutputAfterWrites(outbound, ctx.channel());
                    }
                });
            }
        } else if (event instanceof IdleStateEvent) {
            routing.metrics().error("client_timeout");
            ctx.close();
        }
        ReferenceCountUtil.release(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        routing.metrics().connectionClosed();
        if (outbound != null) {
            closeOnFlush(outbound);
        }
        if (backend != null) {
            backend.ended();
            routing.metrics().request(backend.backend().name(), 0, System.nanoTime() - start);
            backend = null;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing relayed connection {} after an error", ctx.channel(), cause);
        closeOnFlush(ctx.channel());
    }

    /** Asks for the client's next bytes, unless its input has ended (epoll fails a read asked after that). */
    private void readClient(Channel client) {
        if (!clientEnded) {
            client.read();
        }
    }

    /** Asks for the backend's next bytes, unless its input has ended. */
    void readBackend() {
        if (!backendEnded) {
            outbound.read();
        }
    }

    /** The backend has sent all it will send (RelayBackend): the client's output is shut after the last bytes. */
    void backendEnded(Channel client) {
        backendEnded = true;
        shutOutputAfterWrites(client, outbound);
    }

    /**
     * Shuts {@code to}'s output once what was written to it has gone out; closes both channels when that fails, or
     * when both directions are over.
     */
    private void shutOutputAfterWrites(Channel to, Channel other) {
        if (!to.isActive()) {
            other.close();
            return;
        }
        to.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) flushed -> {
            if (!flushed.isSuccess()) {
                to.close();
                other.close();
                return;
            }
            ((DuplexChannel) to).shutdownOutput().addListener(shut -> {
                if (!shut.isSuccess() || (clientEnded && backendEnded)) {
                    to.close();
                    other.close();
                }
            });
        });
    }

    /** Closes {@code channel} once what was written to it has gone out (at once if it is not connected yet). */
    static void closeOnFlush(Channel channel) {
        if (channel.isActive()) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }
}
