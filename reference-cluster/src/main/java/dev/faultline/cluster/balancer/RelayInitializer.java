package dev.faultline.cluster.balancer;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The pipeline of one client connection to the layer 4 balancer: an idle timeout and the relay. */
@Sharable
final class RelayInitializer extends ChannelInitializer<SocketChannel> {
    private final Routing routing;
    private final Duration connectTimeout;
    private final Duration idleTimeout;

    RelayInitializer(Routing routing, Duration connectTimeout, Duration idleTimeout) {
        this.routing = routing;
        this.connectTimeout = connectTimeout;
        this.idleTimeout = idleTimeout;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.config().setAutoRead(false);
        // a client's FIN is passed on to the backend as one, not taken for a close (RelayFrontend)
        ch.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        ch.pipeline()
                .addLast("idle", new IdleStateHandler(0, 0, idleTimeout.toNanos(), TimeUnit.NANOSECONDS))
                .addLast("relay", new RelayFrontend(routing, connectTimeout));
    }
}
