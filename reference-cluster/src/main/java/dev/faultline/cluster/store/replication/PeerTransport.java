package dev.faultline.cluster.store.replication;

import dev.faultline.cluster.http.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.ChannelPool;
import io.netty.channel.pool.SimpleChannelPool;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP/1.1 calls to peer nodes on Netty, over connections served by the node's own server I/O event loops
 * ({@link #runOn}): a call made on one of those loops, as a coordinator's replication write is, uses a
 * connection of that loop and is written at once, with no hand-off to another thread. Per peer and loop a pool of
 * keep-alive connections (Netty's {@link SimpleChannelPool}, LIFO, checked open before reuse) each carries one
 * exchange at a time. A call that times out closes its connection, so a late answer can never be taken for the next
 * call's. Callbacks of the returned futures run on the event loop: they must not block.
 */
final class PeerTransport implements AutoCloseable {
    /** Anti-entropy answers carry whole buckets of entries. */
    private static final int MAX_RESPONSE_BYTES = 256 * 1024 * 1024;
    private static final AttributeKey<Exchange> EXCHANGE = AttributeKey.valueOf("faultline-peer-exchange");

    /** A peer's answer: its status and body. */
    record Answer(int status, byte[] body) {
    }

    /** Each peer's pools, one per event loop, in the order of {@code loops}. */
    private record Connections(EventLoopGroup group, List<EventLoop> loops, Map<String, List<ChannelPool>> pools) {
    }

    private final Map<String, InetSocketAddress> addresses;
    private final Duration connectTimeout;
    private final CompletableFuture<Connections> connections = new CompletableFuture<>();
    private final AtomicInteger nextLoop = new AtomicInteger();

    PeerTransport(Map<String, InetSocketAddress> addresses, Duration connectTimeout) {
        this.addresses = Map.copyOf(addresses);
        this.connectTimeout = connectTimeout;
    }

    /**
     * Opens peer connections on {@code group} from now on (the node's server I/O loops, which the server owns and
     * shuts down; built on {@link Transport#CURRENT}, as the connections are); calls made before wait for this.
     * Call once.
     */
    void runOn(EventLoopGroup group) {
        Bootstrap bootstrap = new Bootstrap().channel(Transport.CURRENT.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        List<EventLoop> loops = new ArrayList<>();
        group.forEach(executor -> loops.add((EventLoop) executor));
        Map<String, List<ChannelPool>> byPeer = new HashMap<>();
        addresses.forEach((peer, address) -> byPeer.put(peer, loops.stream().<ChannelPool>map(loop -> new SimpleChannelPool(
                bootstrap.clone(loop).remoteAddress(address), new PipelineSetup(), ChannelHealthChecker.ACTIVE, true))
                .toList()));
        if (!connections.complete(new Connections(group, List.copyOf(loops), Map.copyOf(byPeer)))) {
            byPeer.values().forEach(pools -> pools.forEach(ChannelPool::close));
        }
    }

    /**
     * Sends one request to {@code peer}; completes with its answer, or exceptionally when the connection fails, or
     * with an {@link HttpTimeoutException} when no answer came within {@code timeout}.
     */
    CompletableFuture<Answer> call(String peer, HttpMethod method, String path, byte[] body, Duration timeout) {
        if (!addresses.containsKey(peer)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no such peer: " + peer));
        }
        Connections ready = connections.getNow(null);
        return ready != null ? call(ready, peer, method, path, body, timeout)
                : connections.thenCompose(later -> call(later, peer, method, path, body, timeout));
    }

    private CompletableFuture<Answer> call(Connections ready, String peer, HttpMethod method, String path, byte[] body,
            Duration timeout) {
        if (ready.group().isShuttingDown()) {
            return CompletableFuture.failedFuture(new IOException("the node is stopping: no call to " + peer));
        }
        ChannelPool pool = ready.pools().get(peer).get(loopIndex(ready.loops()));
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        pool.acquire().addListener((Future<Channel> acquired) -> {
            if (!acquired.isSuccess()) {
                answer.completeExceptionally(new IOException("cannot connect to " + peer + " at "
                        + addresses.get(peer) + ": " + acquired.cause().getMessage(), acquired.cause()));
                return;
            }
            Channel channel = acquired.getNow();
            Exchange exchange = new Exchange(pool, channel, answer);
            channel.attr(EXCHANGE).set(exchange);
            exchange.timer = channel.eventLoop().schedule(() -> exchange.fail(new HttpTimeoutException(
                    peer + " did not answer " + method + " " + path + " within " + timeout.toMillis() + "ms")),
                    timeout.toNanos(), TimeUnit.NANOSECONDS);
            channel.writeAndFlush(request(method, path, body, addresses.get(peer))).addListener(written -> {
                if (!written.isSuccess()) {
                    exchange.fail(new IOException("cannot send to " + peer + ": " + written.cause().getMessage(),
                            written.cause()));
                }
            });
        });
        return answer;
    }

    /** The calling thread's own loop if it is one of them, so the call is written at once; otherwise the next in turn. */
    private int loopIndex(List<EventLoop> loops) {
        for (int i = 0; i < loops.size(); i++) {
            if (loops.get(i).inEventLoop()) {
                return i;
            }
        }
        return Math.floorMod(nextLoop.getAndIncrement(), loops.size());
    }

    private static FullHttpRequest request(HttpMethod method, String path, byte[] body, InetSocketAddress peer) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path,
                body.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        request.headers().set(HttpHeaderNames.HOST, peer.getHostString() + ":" + peer.getPort());
        HttpUtil.setContentLength(request, body.length);
        if (body.length > 0) {
            request.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        }
        return request;
    }

    /** One request on one connection; whoever ends it first (answer, failure, timeout) gives the connection back. */
    private static final class Exchange {
        private final ChannelPool pool;
        private final Channel channel;
        private final CompletableFuture<Answer> answer;
        private ScheduledFuture<?> timer;

        Exchange(ChannelPool pool, Channel channel, CompletableFuture<Answer> answer) {
            this.pool = pool;
            this.channel = channel;
            this.answer = answer;
        }

        private boolean end() {
            if (!channel.attr(EXCHANGE).compareAndSet(this, null)) {
                return false;
            }
            if (timer != null) {
                timer.cancel(false);
            }
            return true;
        }

        void answered(FullHttpResponse response) {
            if (!end()) {
                return;
            }
            Answer result = new Answer(response.status().code(), ByteBufUtil.getBytes(response.content()));
            if (!HttpUtil.isKeepAlive(response)) {
                channel.close();
            }
            pool.release(channel);
            answer.complete(result);
        }

        void fail(Throwable failure) {
            if (!end()) {
                return;
            }
            channel.close();
            pool.release(channel);
            answer.completeExceptionally(failure);
        }
    }

    private static final class PipelineSetup extends AbstractChannelPoolHandler {
        @Override
        public void channelCreated(Channel channel) {
            channel.pipeline()
                    .addLast("http", new HttpClientCodec())
                    .addLast("aggregate", new HttpObjectAggregator(MAX_RESPONSE_BYTES))
                    .addLast("answer", new AnswerHandler());
        }
    }

    private static final class AnswerHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            Exchange exchange = ctx.channel().attr(EXCHANGE).get();
            if (exchange != null) {
                exchange.answered(response);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            Exchange exchange = ctx.channel().attr(EXCHANGE).get();
            if (exchange != null) {
                exchange.fail(new IOException("the connection to " + ctx.channel().remoteAddress() + " closed before an answer"));
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Exchange exchange = ctx.channel().attr(EXCHANGE).get();
            if (exchange != null) {
                exchange.fail(cause);
            }
            ctx.close();
        }
    }

    /** Closes every peer connection; calls still waiting for {@link #runOn} fail. The loops are the server's to stop. */
    @Override
    public void close() {
        boolean neverRan = connections.completeExceptionally(new IOException("the node is stopping"));
        if (!neverRan && !connections.isCompletedExceptionally()) {
            connections.join().pools().values().forEach(pools -> pools.forEach(ChannelPool::close));
        }
    }
}
