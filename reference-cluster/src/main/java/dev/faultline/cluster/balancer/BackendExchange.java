package dev.faultline.cluster.balancer;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.pool.ChannelPool;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client request forwarded to one backend, finished exactly once: with the backend's response, a 502 if the
 * backend failed, or a 504 when {@code timeout} (counted from the start, connecting included) runs out. The
 * outcome goes to the backend's state (its breaker counts a 5xx, 502 or 504 as a failure). Runs
 * entirely on the client connection's event loop, which also owns the backend connection. A backend connection
 * goes back to the pool only after a complete keep-alive response; otherwise it is closed.
 */
final class BackendExchange {
    private static final Logger LOG = LoggerFactory.getLogger(BackendExchange.class);

    private final FullHttpRequest request;
    private final SocketAddress client;
    private final BackendState state;
    private final Backend backend;
    private final ChannelPool pool;
    private final Duration timeout;
    private final Consumer<FullHttpResponse> reply;

    private ScheduledFuture<?> timer;
    private Channel backendChannel;
    private boolean finished;
    private long startNanos;

    /**
     * @param request owned by the exchange from now on and released when it finishes
     * @param reply   receives the one response for the client
     */
    BackendExchange(FullHttpRequest request, SocketAddress client, BackendState state, ChannelPool pool,
            Duration timeout, Consumer<FullHttpResponse> reply) {
        this.request = request;
        this.client = client;
        this.state = state;
        this.backend = state.backend();
        this.pool = pool;
        this.timeout = timeout;
        this.reply = reply;
    }

    /** Starts the timer and asks the pool for a connection; call on the client connection's event loop. */
    void start(EventLoop eventLoop) {
        startNanos = System.nanoTime();
        timer = eventLoop.schedule(this::onTimeout, timeout.toNanos(), TimeUnit.NANOSECONDS);
        pool.acquire().addListener(this::onAcquired);
    }

    private void onAcquired(Future<? super Channel> acquired) {
        if (!acquired.isSuccess()) {
            fail(BackendFailure.of(backend, acquired.cause(), timeout));
            return;
        }
        Channel channel = (Channel) acquired.getNow();
        if (finished) {
            discard(channel);
            return;
        }
        backendChannel = channel;
        channel.pipeline().get(BackendHandler.class).begin(this);
        channel.writeAndFlush(Forwarding.toBackend(request, client)).addListener((ChannelFuture written) -> {
            if (!written.isSuccess()) {
                onBackendFailure(written.cause());
            }
        });
    }

    /** The backend answered; takes ownership of {@code response}. */
    void onResponse(FullHttpResponse response) {
        if (finished) {
            response.release();
            return;
        }
        Channel channel = backendChannel;
        if (HttpUtil.isKeepAlive(response)) {
            pool.release(channel);
        } else {
            discard(channel);
        }
        backendChannel = null;
        finish(Forwarding.toClient(response, backend, request.method()), response.status().code() >= 500);
    }

    /** The backend connection failed, was reset or closed before a whole response arrived. */
    void onBackendFailure(Throwable cause) {
        if (finished) {
            return;
        }
        LOG.debug("{} failed a request for {}", backend.describe(), request.uri(), cause);
        fail(BackendFailure.of(backend, cause, timeout));
    }

    private void onTimeout() {
        if (!finished) {
            fail(BackendFailure.timedOut(backend, timeout));
        }
    }

    private void fail(BackendFailure failure) {
        if (backendChannel != null) {
            discard(backendChannel);
            backendChannel = null;
        }
        finish(failure.toResponse(), true);
    }

    private void finish(FullHttpResponse response, boolean failed) {
        finished = true;
        state.finished(failed, System.nanoTime() - startNanos);
        if (timer != null) {
            timer.cancel(false);
        }
        request.release();
        reply.accept(response);
    }

    /** Closes a connection that must not be reused and only then gives it back, so the pool drops it. */
    private void discard(Channel channel) {
        channel.close().addListener(closed -> pool.release(channel));
    }
}
