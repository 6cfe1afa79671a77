package dev.faultline.cluster.balancer;

import dev.faultline.cluster.http.HttpResponses;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one client connection, one request at a time. The connection does not auto-read: the next read is
 * asked for only once the current response is written. Pipelined requests that arrive in one read wait in a
 * queue and are answered in order.
 */
final class ProxyHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyHandler.class);

    private final BackendSelector selector;
    private final BackendPools pools;
    private final Duration backendTimeout;
    private final Queue<FullHttpRequest> waiting = new ArrayDeque<>();
    private boolean busy;
    private boolean closing;

    ProxyHandler(BackendSelector selector, BackendPools pools, Duration backendTimeout) {
        this.selector = selector;
        this.pools = pools;
        this.backendTimeout = backendTimeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.read();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request) || closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        waiting.add(request);
        if (!busy) {
            next(ctx);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // a read that only carried part of a request (the aggregator asks for the rest itself) or nothing
        if (!busy && waiting.isEmpty() && !closing) {
            ctx.read();
        }
    }

    private void next(ChannelHandlerContext ctx) {
        FullHttpRequest request = waiting.poll();
        if (request == null) {
            busy = false;
            ctx.read();
            return;
        }
        busy = true;
        if (request.decoderResult().isFailure()) {
            String problem = String.valueOf(request.decoderResult().cause().getMessage());
            request.release();
            closing = true;
            HttpResponses.sendAndClose(ctx, HttpResponses.text(HttpResponseStatus.BAD_REQUEST,
                    "malformed request: " + problem));
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpVersion version = request.protocolVersion();
        Backend backend = selector.select(request);
        BackendExchange exchange = new BackendExchange(request, ctx.channel().remoteAddress(), backend,
                pools.pool(ctx.channel().eventLoop(), backend), backendTimeout,
                response -> answer(ctx, HttpResponses.prepare(response, keepAlive, version)));
        exchange.start(ctx.channel().eventLoop());
    }

    /** Writes the response, then serves the next request, or closes if the client asked to. */
    private void answer(ChannelHandlerContext ctx, FullHttpResponse response) {
        boolean keepAlive = HttpUtil.isKeepAlive(response);
        if (!keepAlive) {
            closing = true;
        }
        ctx.writeAndFlush(response).addListener(written -> {
            if (written.isSuccess() && keepAlive) {
                next(ctx);
            } else {
                ctx.close();
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing client connection {} after an error", ctx.channel(), cause);
        ctx.close();
    }
}
