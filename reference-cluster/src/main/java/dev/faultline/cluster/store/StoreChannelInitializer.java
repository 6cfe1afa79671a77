package dev.faultline.cluster.store;

import dev.faultline.cluster.http.ResponseHeaderHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

/** The pipeline of one connection to a store node. */
@Sharable
final class StoreChannelInitializer extends ChannelInitializer<SocketChannel> {
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    private final ResponseHeaderHandler nodeHeader;
    private final StoreHandler handler;

    StoreChannelInitializer(String node, StoreHandler handler) {
        this.nodeHeader = new ResponseHeaderHandler("X-Node", node);
        this.handler = handler;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast("http", new HttpServerCodec())
                .addLast("node-header", nodeHeader)
                .addLast("aggregate", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                .addLast("store", handler);
    }
}
