package dev.faultline.cluster.balancer;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * The backend side of a layer 4 relay: bytes from the backend go to the client; reads wait for the client's writes;
 * the backend's end of output becomes the client's.
 */
final class RelayBackend extends ChannelInboundHandlerAdapter {
    private final Channel inbound;
    private final RelayFrontend frontend;

    RelayBackend(Channel inbound, RelayFrontend frontend) {
        this.inbound = inbound;
        this.frontend = frontend;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        inbound.writeAndFlush(msg).addListener((ChannelFutureListener) written -> {
            if (written.isSuccess()) {
                frontend.readBackend();
            } else {
                written.channel().close();
                ctx.close();
            }
        });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            frontend.backendEnded(inbound);
        }
        ReferenceCountUtil.release(event);
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
