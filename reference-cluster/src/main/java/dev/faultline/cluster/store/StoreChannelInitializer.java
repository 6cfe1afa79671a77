package dev.faultline.cluster.store;

import dev.faultline.cluster.http.ResponseHeaderHandler;
import dev.faultline.cluster.http.HttpResponses;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;

/** The pipeline of one connection to a store node; a body over {@value #MAX_REQUEST_BYTES} bytes gets a JSON 413. */
@Sharable
final class StoreChannelInitializer extends ChannelInitializer<SocketChannel> {
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    private final ResponseHeaderHandler nodeHeader;
    private final StoreHandler handler;

    StoreChannelInitializer(String node, StoreHandler handler) {
        this.nodeHeader = new ResponseHeaderHandler("X-Node", node);
        this.handler = handler;
    }

    /** Answers an oversized request with a JSON 413, then closes (the rest of the body is not read). */
    private static final class JsonRefusingAggregator extends HttpObjectAggregator {
        JsonRefusingAggregator() {
            super(MAX_REQUEST_BYTES);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            HttpResponses.sendAndClose(ctx, JsonResponses.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    "a request body may have at most " + MAX_REQUEST_BYTES + " bytes"));
        }
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast("http", new HttpServerCodec())
                .addLast("node-header", nodeHeader)
                .addLast("aggregate", new JsonRefusingAggregator())
                .addLast("store", handler);
    }
}
