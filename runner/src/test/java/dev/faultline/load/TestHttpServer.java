package dev.faultline.load;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/**
 * A tiny HTTP/1.1 keep-alive server on 127.0.0.1 for load generator tests. The status of each response comes from a
 * function of the request path (-1: never answer; -2: close the connection without answering).
 * {@link #stallOnce} makes the whole server stall once, like a GC pause: every response due while it stalls goes out
 * when the stall ends. {@link #delayingEveryResponse} adds a fixed service time to every response.
 */
final class TestHttpServer implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("test-server", true),
            NioIoHandler.newFactory());
    private final Channel channel;
    private final ToIntFunction<String> status;
    private final AtomicLong requests = new AtomicLong();
    private final List<FullHttpRequest> kept = new CopyOnWriteArrayList<>();
    private volatile long stallAtRequest = -1;
    private volatile long stallNanos;
    private volatile long stalledUntil;
    private volatile long delayNanos;

    TestHttpServer(ToIntFunction<String> status) throws InterruptedException {
        this.status = status;
        this.channel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new Handler());
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    static TestHttpServer answering(int status) throws InterruptedException {
        return new TestHttpServer(path -> status);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort());
    }

    long requests() {
        return requests.get();
    }

    /** The first requests received (up to 100), copied, for checking what was sent. */
    List<FullHttpRequest> kept() {
        return kept;
    }

    /** Delays every response by {@code millis} after its request arrived (a target with a known service time). */
    TestHttpServer delayingEveryResponse(long millis) {
        delayNanos = TimeUnit.MILLISECONDS.toNanos(millis);
        return this;
    }

    /** Stalls every response for {@code millis} from the moment request number {@code n} (from 1) arrives. */
    void stallOnce(long n, long millis) {
        stallNanos = TimeUnit.MILLISECONDS.toNanos(millis);
        stallAtRequest = n;
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        kept.forEach(FullHttpRequest::release);
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            long n = requests.incrementAndGet();
            if (kept.size() < 100) {
                kept.add(request.copy());
            }
            long now = System.nanoTime();
            if (n == stallAtRequest) {
                stalledUntil = now + stallNanos;
            }
            int code = status.applyAsInt(request.uri());
            if (code == -2) {
                ctx.close();
                return;
            }
            if (code < 0) {
                return;
            }
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code));
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            long delay = Math.max(stalledUntil - now, delayNanos);
            if (delay > 0) {
                ctx.executor().schedule(() -> ctx.writeAndFlush(response), delay, TimeUnit.NANOSECONDS);
            } else {
                ctx.writeAndFlush(response);
            }
        }
    }
}
