package dev.faultline.cluster.http;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;

/**
 * Adds one header to every response written on a channel, including those Netty's own handlers write
 * (e.g. 413 from the aggregator). Place it right after the server codec.
 */
@Sharable
public final class ResponseHeaderHandler extends ChannelOutboundHandlerAdapter {
    private final String name;
    private final String value;

    public ResponseHeaderHandler(String name, String value) {
        this.name = name;
        this.value = value;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            response.headers().set(name, value);
        }
        ctx.write(msg, promise);
    }
}
