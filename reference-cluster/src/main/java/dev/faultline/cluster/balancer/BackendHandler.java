package dev.faultline.cluster.balancer;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;

/**
 * The last handler on a pooled backend connection: hands the response, error or close to the exchange the
 * connection currently serves. A response or close while idle in the pool just closes the connection.
 */
final class BackendHandler extends ChannelInboundHandlerAdapter {
    private BackendExchange current;

    /** Called on the connection's event loop before the request is written. */
    void begin(BackendExchange exchange) {
        current = exchange;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        BackendExchange exchange = current;
        current = null;
        if (!(msg instanceof FullHttpResponse response) || exchange == null) {
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        if (response.decoderResult().isFailure()) {
            Throwable cause = response.decoderResult().cause();
            response.release();
            exchange.onBackendFailure(cause);
            return;
        }
        exchange.onResponse(response);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        BackendExchange exchange = current;
        current = null;
        ctx.close();
        if (exchange != null) {
            exchange.onBackendFailure(cause);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        BackendExchange exchange = current;
        current = null;
        if (exchange != null) {
            exchange.onBackendFailure(new ClosedChannelException());
        }
        ctx.fireChannelInactive();
    }
}
