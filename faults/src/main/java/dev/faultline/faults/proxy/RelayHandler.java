package dev.faultline.faults.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.util.function.Supplier;

/**
 * Feeds what one socket reads into its connection's toxic link, and resumes reading the other
 * socket when this one can take writes again.
 */
final class RelayHandler extends ChannelInboundHandlerAdapter {

    private final Supplier<RelayConnection> connection;
    private final Supplier<Channel> peer;

    RelayHandler(Supplier<RelayConnection> connection, Supplier<Channel> peer) {
        this.connection = connection;
        this.peer = peer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        RelayConnection relay = connection.get();
        if (relay == null) {
            ((ByteBuf) msg).release();
            return;
        }
        relay.read(ctx.channel(), (ByteBuf) msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        RelayConnection relay = connection.get();
        if (relay != null) {
            relay.ended(ctx.channel());
        }
    }

    /** Half-closure is allowed on both sockets, so a FIN arrives here and the toxics see the end in order. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == ChannelInputShutdownEvent.INSTANCE) {
            RelayConnection relay = connection.get();
            if (relay == null) {
                ctx.close();
            } else {
                relay.ended(ctx.channel());
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Channel other = peer.get();
        if (ctx.channel().isWritable() && other != null) {
            other.config().setAutoRead(true);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
