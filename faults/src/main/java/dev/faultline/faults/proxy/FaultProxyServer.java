package dev.faultline.faults.proxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fault proxy that speaks the Toxiproxy HTTP API, so any Toxiproxy client can drive it. Proxies
 * relay TCP through toxics (latency, bandwidth, slow_close, timeout, reset_peer, slicer, limit_data) on Netty event
 * loops; the API runs on its own event loop. Beyond Toxiproxy, a proxy may carry a lease
 * ({@code POST /proxies/{name}/lease {"ttl_ms": N}}): if its controller stops renewing it, the proxy heals itself.
 */
public final class FaultProxyServer implements AutoCloseable {

    private final EventLoopGroup apiGroup;
    private final EventLoopGroup proxyGroup;
    private final ProxyCollection proxies;
    private final Channel apiChannel;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private FaultProxyServer(EventLoopGroup apiGroup, EventLoopGroup proxyGroup, ProxyCollection proxies, Channel apiChannel) {
        this.apiGroup = apiGroup;
        this.proxyGroup = proxyGroup;
        this.proxies = proxies;
        this.apiChannel = apiChannel;
    }

    /**
     * Starts the API on {@code host:apiPort} ({@code 0} picks a free port).
     *
     * @throws UncheckedIOException if the API port can't be bound
     */
    public static FaultProxyServer start(String host, int apiPort) {
        EventLoopGroup apiGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup proxyGroup = new MultiThreadIoEventLoopGroup(
                Math.max(2, Runtime.getRuntime().availableProcessors()), NioIoHandler.newFactory());
        ProxyCollection proxies = new ProxyCollection(proxyGroup);
        ToxiproxyApi api = new ToxiproxyApi(proxies, new ProxyLeases(proxies, apiGroup.next()));
        ChannelFuture bound = new ServerBootstrap()
                .group(apiGroup, apiGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new ApiHttpHandler(api));
                    }
                })
                .bind(new InetSocketAddress(host, apiPort))
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            apiGroup.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            proxyGroup.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            BindException cause = new BindException("fault proxy API can't listen on " + host + ":" + apiPort
                    + ": " + bound.cause().getMessage());
            throw new UncheckedIOException(cause);
        }
        return new FaultProxyServer(apiGroup, proxyGroup, proxies, bound.channel());
    }

    /** The port the API listens on. */
    public int apiPort() {
        return ((InetSocketAddress) apiChannel.localAddress()).getPort();
    }

    /** The address the API listens on, as an IP string. */
    public String apiHost() {
        return ((InetSocketAddress) apiChannel.localAddress()).getAddress().getHostAddress();
    }

    /** Closes the API, every proxy and every connection. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        apiChannel.close().awaitUninterruptibly();
        proxies.closeAll();
        apiGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        proxyGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        stopped.countDown();
    }

    /** Blocks until {@link #close()} has finished, e.g. from a shutdown hook. */
    public void awaitClosed() throws InterruptedException {
        stopped.await();
    }

    /** Runs the server alone: {@code --host} (default localhost) and {@code --port} (default 8474). */
    public static void main(String[] args) throws InterruptedException {
        String host = "localhost";
        int port = 8474;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = value(args, ++i, "--host");
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                default -> {
                    System.err.println("unknown option '" + args[i] + "' (known: --host, --port)");
                    System.exit(2);
                }
            }
        }
        FaultProxyServer server = start(host, port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "fault-proxy-shutdown"));
        System.out.println("fault proxy API listening on " + server.apiHost() + ":" + server.apiPort());
        server.stopped.await();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            System.err.println("option " + option + " needs a value");
            System.exit(2);
        }
        return args[index];
    }
}
