package dev.faultline.cluster.balancer;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.ChannelPool;
import io.netty.channel.pool.SimpleChannelPool;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pools of keep-alive connections to the backends: one pool per backend per event loop, so a client connection
 * and the backend connections serving it share a thread and need no locking. Connections are reused LIFO and
 * checked to be open before reuse.
 */
final class BackendPools implements AutoCloseable {
    static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    private final Duration connectTimeout;
    private final Map<Key, ChannelPool> pools = new ConcurrentHashMap<>();

    BackendPools(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** The pool of connections to {@code backend} owned by {@code eventLoop}. */
    ChannelPool pool(EventLoop eventLoop, Backend backend) {
        return pools.computeIfAbsent(new Key(eventLoop, backend), this::newPool);
    }

    private ChannelPool newPool(Key key) {
        Bootstrap bootstrap = new Bootstrap()
                .group(key.eventLoop())
                .channel(NioSocketChannel.class)
                .remoteAddress(key.backend().address())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        return new SimpleChannelPool(bootstrap, new PipelineSetup(), ChannelHealthChecker.ACTIVE, true);
    }

    /** Closes the idle connections of every pool. */
    @Override
    public void close() {
        pools.values().forEach(ChannelPool::close);
        pools.clear();
    }

    private record Key(EventLoop eventLoop, Backend backend) {
    }

    /** The pipeline of a new backend connection. */
    private static final class PipelineSetup extends AbstractChannelPoolHandler {
        @Override
        public void channelCreated(Channel ch) {
            ch.pipeline()
                    .addLast("http", new HttpClientCodec())
                    .addLast("aggregate", new HttpObjectAggregator(MAX_RESPONSE_BYTES))
                    .addLast("exchange", new BackendHandler());
        }
    }
}
