package dev.faultline.cluster.balancer;

import dev.faultline.cluster.http.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backend connections of a layer 7 balancer, per event loop: each I/O thread has its own {@link BackendPool}
 * for each backend and its own {@link ExchangeTimer}, so a client connection and the backend connections serving
 * it share a thread and need no locks. Callers look a pool up once per client connection and keep it. Backend
 * connections use pooled direct buffers, like the client connections ({@link BalancerChannelInitializer}).
 */
final class BackendPools implements AutoCloseable {
    static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    private final Duration timeout;
    private final Map<Key, BackendPool> pools = new ConcurrentHashMap<>();
    private final Map<EventLoop, ExchangeTimer> timers = new ConcurrentHashMap<>();

    /** @param timeout of an exchange with a backend, connecting included */
    BackendPools(Duration timeout) {
        this.timeout = timeout;
    }

    /** The pool of connections to {@code backend} owned by {@code eventLoop}. */
    BackendPool pool(EventLoop eventLoop, Backend backend) {
        return pools.computeIfAbsent(new Key(eventLoop, backend), this::newPool);
    }

    /** The timer of the exchanges on {@code eventLoop}. */
    ExchangeTimer timer(EventLoop eventLoop) {
        return timers.computeIfAbsent(eventLoop, loop -> new ExchangeTimer(loop, timeout.toNanos()));
    }

    Duration timeout() {
        return timeout;
    }

    private BackendPool newPool(Key key) {
        Bootstrap bootstrap = new Bootstrap()
                .group(key.eventLoop())
                .channel(Transport.CURRENT.socketChannel())
                .remoteAddress(key.backend().address())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(new PipelineSetup());
        return new BackendPool(key.eventLoop(), bootstrap);
    }

    /** Closes the idle connections of every pool. */
    @Override
    public void close() {
        pools.values().forEach(BackendPool::close);
        pools.clear();
    }

    private record Key(EventLoop eventLoop, Backend backend) {
    }

    /** The pipeline of a new backend connection. */
    private static final class PipelineSetup extends ChannelInitializer<SocketChannel> {
        @Override
        protected void initChannel(SocketChannel ch) {
            ch.pipeline()
                    .addLast("http", new HttpClientCodec())
                    .addLast("whole", new WholeMessages())
                    .addLast("aggregate", new HttpObjectAggregator(MAX_RESPONSE_BYTES))
                    .addLast("exchange", new BackendHandler());
        }
    }
}
