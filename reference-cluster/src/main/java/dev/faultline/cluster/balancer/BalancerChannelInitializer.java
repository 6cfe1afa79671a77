package dev.faultline.cluster.balancer;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of one client connection to the layer 7 balancer. Auto-read is off: the proxy reads the next
 * request only after answering the current one. Requests that arrive whole skip the aggregator
 * ({@link WholeMessages}). Netty's FlowControlHandler is not used: since 4.2.15 it loses the read demand when an
 * aggregator before it needs several reads for one request (netty/netty#17050).
 */
@Sharable
final class BalancerChannelInitializer extends ChannelInitializer<SocketChannel> {
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    static final int MAX_REQUEST_LINE_BYTES = 8 * 1024;
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private final Routing routing;
    private final BackendPools pools;
    private final Duration backendTimeout;
    private final Duration clientIdleTimeout;

    BalancerChannelInitializer(Routing routing, BackendPools pools, Duration backendTimeout,
            Duration clientIdleTimeout) {
        this.routing = routing;
        this.pools = pools;
        this.backendTimeout = backendTimeout;
        this.clientIdleTimeout = clientIdleTimeout;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.config().setAutoRead(false);
        // a client that shuts down its output still gets its answers (ProxyHandler closes after them); without
        // this, epoll would close the connection on the client's FIN even while auto-read is off
        ch.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        // Netty 4.2's default adaptive allocator makes a ByteBuffer view for each copy between direct buffers
        // (the encoder copies every small body); the pooled one copies memory directly
        ch.config().setAllocator(PooledByteBufAllocator.DEFAULT);
        ch.pipeline()
                .addLast("idle", new IdleStateHandler(clientIdleTimeout.toNanos(), 0, 0, TimeUnit.NANOSECONDS))
                .addLast("request-start", RequestStart.INSTANCE)
                .addLast("http", new HttpServerCodec(MAX_REQUEST_LINE_BYTES, MAX_HEADER_BYTES, 8192))
                .addLast("whole", new WholeMessages())
                .addLast("aggregate", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                .addLast("proxy", new ProxyHandler(routing, pools, backendTimeout));
    }
}
