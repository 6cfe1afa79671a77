package dev.faultline.load;

import dev.faultline.load.ResponseParser.MalformedResponse;
import dev.faultline.sample.ErrorKind;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;

/**
 * One keep-alive HTTP/1.1 connection of a {@link ConnectionPool}, the only handler of its channel's pipeline. It
 * writes each request's pre-encoded bytes, carries one request at a time (no pipelining), reads the response with its
 * {@link ResponseParser} straight from the bytes read (status and framing only; the body is skipped as it streams in,
 * and only a set workload's read keeps it, for the stale-reads check), and ends the request exactly once: when the
 * response is complete, or with a reset, an error or a timeout. Runs on its pool's event loop only.
 *
 * <p>A malformed response ends the request with OTHER and closes the connection. A connection closed before the
 * response is complete ends it with RESET (also mid-body: Netty's decoder made that OTHER), unless the body runs until
 * the close. Bytes after a complete response were not asked for: the response counts, and the connection, out of
 * step, is closed rather than reused; so are bytes that arrive while no request is in flight.
 */
final class HttpConnection extends ChannelInboundHandlerAdapter {
    private final ConnectionPool pool;
    private final ResponseParser response = new ResponseParser();
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
        response.start(pool.isHead(arrival), arrival.readKey != null);
        ByteBuf request = arrival.http;
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
        if (!(msg instanceof ByteBuf in) || current == null) {
            ReferenceCountUtil.release(msg);
            ctx.close(); // nothing was asked: the connection is out of step
            return;
        }
        try {
            if (response.parse(in)) {
                answered(in.isReadable());
            }
        } catch (MalformedResponse e) {
            end(ErrorKind.OTHER);
            ctx.close();
        } finally {
            in.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (current != null && response.endOfInput()) {
            answered(true);
        } else if (current != null) {
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

    /** The response is complete; {@code outOfStep}: the connection cannot carry another request. */
    private void answered(boolean outOfStep) {
        Arrival arrival = current;
        current = null;
        arrival.readBody = response.body();
        int status = response.status();
        long endNanos = pool.nanosNow();
        if (response.keepAlive() && !outOfStep) {
            pool.ready(this); // may send the next waiting arrival at once, restarting the parser
        } else {
            ctx.close();
        }
        pool.answered(arrival, status, endNanos);
    }

    private void end(ErrorKind error) {
        Arrival arrival = current;
        current = null;
        pool.failed(arrival, error);
    }
}
