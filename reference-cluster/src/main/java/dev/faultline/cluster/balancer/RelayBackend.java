package dev.faultline.cluster.balancer;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** The backend side of a layer 4 relay: bytes from the backend go to the client; reads wait for the client's writes. */
final class RelayBackend extends ChannelInboundHandlerAdapter {
    private final Channel inbound;

    RelayBackend(Channel inbound) {
        this.inbound = inbound;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        inbound.writeAndFlush(msg).addListener((ChannelFutureListener) written -> {
            if (written.isSuccess()) {
                ctx.channel().read();
            } else {
                written.channel().close();
                ctx.close();
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        RelayFrontend.closeOnFlush(inbound);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        RelayFrontend.closeOnFlush(ctx.channel());
    }
}
