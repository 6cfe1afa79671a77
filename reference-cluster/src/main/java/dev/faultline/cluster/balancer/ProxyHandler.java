package dev.faultline.cluster.balancer;

import dev.faultline.cluster.http.HttpResponses;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one client connection, one request at a time: the limiter may refuse it (429), then the strategy picks
 * a backend (or 503 names why none can take it), then a {@link BackendExchange} forwards it. The connection does
 * not auto-read: the next read is asked for only once the current response is written. Pipelined requests that
 * arrive in one read wait in a queue and are answered in order. A client silent for the idle timeout is closed,
 * with 408 if it stopped in the middle of a request. A client that shuts down its output (half-close) still gets
 * the answers to the requests it sent; then the connection is closed. The backend pool and timer of the
 * connection's event loop are looked up once and kept, and the per-request state lives in fields, so a request
 * allocates little here.
 */
final class ProxyHandler extends ChannelInboundHandlerAdapter implements BackendExchange.Reply {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyHandler.class);

    private final Routing routing;
    private final BackendPools pools;
    private final Duration backendTimeout;
    private final BalancerMetrics metrics;
    private final Queue<FullHttpRequest> waiting = new ArrayDeque<>();
    private boolean busy;
    private boolean closing;
    private boolean inputShutdown;
    private ChannelHandlerContext ctx;
    private String clientIp;
    private ExchangeTimer timer;
    private Backend pooledBackend;
    private BackendPool pool;
    // the request being answered
    private boolean keepAlive;
    private HttpVersion version;
    private long start;
    private boolean keepOpenAfterWrite;
    private final ChannelFutureListener afterWrite = written -> {
        if (written.isSuccess() && keepOpenAfterWrite) {
            next(ctx);
        } else {
            ctx.close();
        }
    };

    ProxyHandler(Routing routing, BackendPools pools, Duration backendTimeout) {
        this.routing = routing;
        this.pools = pools;
        this.backendTimeout = backendTimeout;
        this.metrics = routing.metrics();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        metrics.connectionOpened();
        clientIp = Forwarding.clientIp(ctx.channel().remoteAddress());
        timer = pools.timer(ctx.channel().eventLoop());
        ctx.read();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request) || closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        RequestStart.clear(ctx.channel());
        waiting.add(request);
        if (!busy) {
            next(ctx);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // a read that only carried part of a request (the aggregator asks for the rest itself) or nothing
        if (!busy && waiting.isEmpty() && !closing && !inputShutdown) {
            ctx.read();
        }
    }

    private void next(ChannelHandlerContext ctx) {
        FullHttpRequest request = waiting.poll();
        if (request == null) {
            busy = false;
            if (inputShutdown) {
                ctx.close();
            } else {
                ctx.read();
            }
            return;
        }
        busy = true;
        start = System.nanoTime();
        if (request.decoderResult().isFailure()) {
            BadRequest bad = BadRequest.of(request.decoderResult().cause());
            request.release();
            closing = true;
            metrics.error(bad.kind());
            metrics.request(BalancerMetrics.NO_BACKEND, bad.status().code(), System.nanoTime() - start);
            HttpResponses.sendAndClose(ctx, HttpResponses.text(bad.status(), bad.message()));
            return;
        }
        keepAlive = HttpUtil.isKeepAlive(request);
        version = request.protocolVersion();
        ClientRateLimiter.Decision refused = routing.refusedByLimiter(request, ctx.channel().remoteAddress());
        if (refused != null) {
            request.release();
            accept(LimiterResponses.tooManyRequests(refused), BalancerMetrics.NO_BACKEND);
            return;
        }
        BackendState backend = routing.choose(request, ctx.channel().remoteAddress());
        if (backend == null) {
            request.release();
            metrics.error(routing.refusalKind());
            accept(HttpResponses.text(HttpResponseStatus.SERVICE_UNAVAILABLE, routing.refusal()),
                    BalancerMetrics.NO_BACKEND);
            return;
        }
        new BackendExchange(request, clientIp, backend, poolFor(backend.backend()), timer, backendTimeout, this)
                .start();
    }

    /** The pool of this connection's event loop for {@code backend}, kept while the backend stays the same. */
    private BackendPool poolFor(Backend backend) {
        if (backend != pooledBackend) {
            pool = pools.pool(ctx.channel().eventLoop(), backend);
            pooledBackend = backend;
        }
        return pool;
    }

    /** Writes the response to the current request, then serves the next request, or closes if the client asked to. */
    @Override
    public void accept(FullHttpResponse answer, String backend) {
        FullHttpResponse response = HttpResponses.prepare(answer, keepAlive, version);
        int status = response.status().code();
        boolean balancersOwnFailure = !backend.equals(BalancerMetrics.NO_BACKEND)
                && !response.headers().contains(Forwarding.BACKEND_HEADER);
        if (balancersOwnFailure) {
            metrics.error(status == HttpResponseStatus.GATEWAY_TIMEOUT.code() ? "gateway_timeout" : "bad_gateway");
        }
        metrics.request(backend, status, System.nanoTime() - start);
        keepOpenAfterWrite = HttpUtil.isKeepAlive(response);
        if (!keepOpenAfterWrite) {
            closing = true;
        }
        ctx.writeAndFlush(response).addListener(afterWrite);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            // the client sent all it will send: answer what came, then close
            inputShutdown = true;
            if (!busy && waiting.isEmpty()) {
                ctx.close();
            }
            return;
        }
        if (!(event instanceof IdleStateEvent) || busy || closing) {
            ReferenceCountUtil.release(event);
            return;
        }
        closing = true;
        if (RequestStart.isSet(ctx.channel())) {
            metrics.error("client_timeout");
            HttpResponses.sendAndClose(ctx, HttpResponses.text(HttpResponseStatus.REQUEST_TIMEOUT,
                    "the request did not arrive whole in time"));
        } else {
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        metrics.connectionClosed();
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
