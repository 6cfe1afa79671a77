package dev.faultline.cluster.balancer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;

/**
 * Marks a client connection as being in the middle of a request from its first bytes until the proxy receives
 * the whole request, so an idle client can be told 408 (stopped mid-request) from one that is just idle. Sits
 * before the HTTP codec.
 */
@Sharable
final class RequestStart extends ChannelInboundHandlerAdapter {
    static final RequestStart INSTANCE = new RequestStart();
    private static final AttributeKey<Boolean> RECEIVING = AttributeKey.valueOf("faultline.receiving");

    private RequestStart() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
            ctx.channel().attr(RECEIVING).set(Boolean.TRUE);
        }
        ctx.fireChannelRead(msg);
    }

    static boolean isSet(Channel channel) {
        return Boolean.TRUE.equals(channel.attr(RECEIVING).get());
    }

    static void clear(Channel channel) {
        channel.attr(RECEIVING).set(null);
    }
}
