package dev.faultline.load;

import dev.faultline.sample.ErrorKind;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection of a {@link ConnectionPool}, the last handler of its channel's pipeline (after a
 * {@link ResponseDecoder}). It writes each request's pre-encoded bytes, carries one request at a time (no
 * pipelining), reads the response's status and skips its body as it streams in (nothing is aggregated; only a set
 * workload's read keeps its body, for the stale-reads check), and ends the
 * request exactly once: when the response is complete, or with a reset, an error or a timeout. Runs on its pool's
 * event loop only.
 */
final class HttpConnection extends ChannelInboundHandlerAdapter {
    private final ConnectionPool pool;
    private ChannelHandlerContext ctx;
    private Arrival current;
    /** The status of the response being read, 0 before its head has arrived. */
    private int status;
    private boolean keepAlive;
    /** The body of a set workload's successful read as it streams in; null for every other request. */
    private ByteArrayOutputStream readBody;

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

    /** Whether the request in flight is a HEAD (its response has no body whatever its headers say). */
    boolean awaitsHeadResponse() {
        return current != null && pool.isHead(current);
    }

    void send(Arrival arrival) {
        pool.sending(arrival);
        current = arrival;
        status = 0;
        readBody = null;
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
        try {
            if (!(msg instanceof HttpObject http) || current == null) {
                ctx.close(); // nothing was asked: the connection is out of step
                return;
            }
            if (http.decoderResult().isFailure()) {
                end(ErrorKind.OTHER);
                ctx.close();
                return;
            }
            if (msg instanceof HttpResponse response) {
                status = response.status().code();
                keepAlive = HttpUtil.isKeepAlive(response);
                if (current.readKey != null && status == 200) {
                    readBody = new ByteArrayOutputStream();
                }
            }
            if (readBody != null && msg instanceof HttpContent content) {
                readBody.writeBytes(ByteBufUtil.getBytes(content.content()));
            }
            if (msg instanceof LastHttpContent && status != 0) {
                Arrival arrival = current;
                int answer = status;
                current = null;
                if (readBody != null) {
                    arrival.readBody = readBody.toString(StandardCharsets.UTF_8);
                    readBody = null;
                }
                long endNanos = pool.nanosNow();
                if (keepAlive) {
                    pool.ready(this); // may send the next waiting arrival at once, resetting the fields
                } else {
                    ctx.close();
                }
                pool.answered(arrival, answer, endNanos);
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
