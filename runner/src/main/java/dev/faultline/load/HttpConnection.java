package dev.faultline.load;

import dev.faultline.sample.ErrorKind;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;

/**
 * One keep-alive HTTP/1.1 connection of a {@link ConnectionPool}, the last handler of its channel's pipeline. It
 * carries one request at a time (no pipelining) and ends it exactly once: with the response's status, a reset, an
 * error or a timeout. Runs on its pool's event loop only.
 */
final class HttpConnection extends ChannelInboundHandlerAdapter {
    private final ConnectionPool pool;
    private ChannelHandlerContext ctx;
    private Arrival current;

    HttpConnection(ConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    boolean isUsable() {
        return current == null && ctx.channel().isActive();
    }

    void send(Arrival arrival) {
        pool.sending(arrival);
        current = arrival;
        FullHttpRequest request = arrival.http;
        arrival.http = null;
        ctx.writeAndFlush(request, ctx.voidPromise());
    }

    /** Ends the request in flight with TIMEOUT and closes the connection if the request's deadline has passed. */
    void expireIfDue(long nowNanos) {
        if (current != null && nowNanos - current.deadlineNanos >= 0) {
            end(ErrorKind.TIMEOUT);
            ctx.close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!(msg instanceof FullHttpResponse response) || current == null) {
                ctx.close(); // nothing was asked: the connection is out of step
                return;
            }
            if (response.decoderResult().isFailure()) {
                end(ErrorKind.OTHER);
                ctx.close();
                return;
            }
            Arrival arrival = current;
            current = null;
            if (arrival.readKey != null && response.status().code() == 200) {
                arrival.readBody = response.content().toString(java.nio.charset.StandardCharsets.UTF_8);
            }
            pool.answered(arrival, response.status().code());
            if (HttpUtil.isKeepAlive(response)) {
                pool.ready(this);
            } else {
                ctx.close();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (current != null) {
            end(ErrorKind.RESET);
        }
        pool.closed(this);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (current != null) {
            end(cause instanceof IOException ? ErrorKind.RESET : ErrorKind.OTHER);
        }
        ctx.close();
    }

    private void end(ErrorKind error) {
        Arrival arrival = current;
        current = null;
        pool.failed(arrival, error);
    }
}
