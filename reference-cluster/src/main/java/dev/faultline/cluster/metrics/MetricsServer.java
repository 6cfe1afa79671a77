package dev.faultline.cluster.metrics;

import dev.faultline.cluster.http.NettyServer;
import dev.faultline.cluster.http.ServerThreads;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;

/** A small HTTP server of its own that answers {@code GET /metrics}, for a component whose main port is not HTTP. */
public final class MetricsServer implements AutoCloseable {
    private static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final NettyServer server;

    private MetricsServer(NettyServer server) {
        this.server = server;
    }

    /**
     * Listens on {@code host:port} (0 picks a free port) and returns once listening.
     *
     * @param label names the server, e.g. {@code "balancer lb metrics"}
     */
    public static MetricsServer start(String label, String host, int port, PrometheusMeterRegistry registry) {
        return new MetricsServer(NettyServer.start(label, host, port, ServerThreads.SMALL, new Pipeline(registry)));
    }

    public InetSocketAddress address() {
        return server.address();
    }

    @Override
    public void close() {
        server.close();
    }

    @Sharable
    private static final class Pipeline extends ChannelInitializer<SocketChannel> {
        private final MetricsResponder responder;

        Pipeline(PrometheusMeterRegistry registry) {
            this.responder = new MetricsResponder(registry);
        }

        @Override
        protected void initChannel(SocketChannel ch) {
            ch.pipeline()
                    .addLast(new HttpServerCodec())
                    .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                    .addLast(responder);
        }
    }
}
