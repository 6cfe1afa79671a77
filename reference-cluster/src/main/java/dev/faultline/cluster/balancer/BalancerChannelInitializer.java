package dev.faultline.cluster.balancer;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.time.Duration;

/**
 * The pipeline of one client connection to the balancer. Auto-read is off: the proxy reads the next request only
 * after answering the current one. Netty's FlowControlHandler is not used: since 4.2.15 it loses the read
 * demand when an aggregator before it needs several reads for one request (netty/netty#17050).
 */
@Sharable
final class BalancerChannelInitializer extends ChannelInitializer<SocketChannel> {
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    private final BackendSelector selector;
    private final BackendPools pools;
    private final Duration backendTimeout;

    BalancerChannelInitializer(BackendSelector selector, BackendPools pools, Duration backendTimeout) {
        this.selector = selector;
        this.pools = pools;
        this.backendTimeout = backendTimeout;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.config().setAutoRead(false);
        ch.pipeline()
                .addLast("http", new HttpServerCodec())
                .addLast("aggregate", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                .addLast("proxy", new ProxyHandler(selector, pools, backendTimeout));
    }
}
