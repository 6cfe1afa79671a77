package dev.faultline.cluster.balancer;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client request forwarded to one backend, finished exactly once: with the backend's response, a 502 if the
 * backend failed, or a 504 when the timeout (counted from the start, connecting included; kept by the event loop's
 * {@link ExchangeTimer}) runs out. The outcome goes to the backend's state (its breaker counts a 5xx, 502 or 504 as
 * a failure). Runs entirely on the client connection's event loop, which also owns the backend connection and its
 * {@link BackendPool}. A backend connection goes back to the pool only after a complete keep-alive response;
 * otherwise it is closed.
 */
final class BackendExchange extends ExchangeTimer.Entry implements BackendPool.Waiter {
    private static final Logger LOG = LoggerFactory.getLogger(BackendExchange.class);

    /** Receives the one response for the client. */
    interface Reply {
        void accept(FullHttpResponse response, String backend);
    }

    private final FullHttpRequest request;
    private final String clientIp;
    private final BackendState state;
    private final Backend backend;
    private final BackendPool pool;
    private final ExchangeTimer timer;
    private final Duration timeout;
    private final Reply reply;

    private Channel backendChannel;
    private boolean finished;
    private long startNanos;

    /**
     * @param request  owned by the exchange from now on and released when it finishes
     * @param clientIp appended to the request's {@code X-Forwarded-For}, or null
     */
    BackendExchange(FullHttpRequest request, String clientIp, BackendState state, BackendPool pool,
            ExchangeTimer timer, Duration timeout, Reply reply) {
        this.request = request;
        this.clientIp = clientIp;
        this.state = state;
        this.backend = state.backend();
        this.pool = pool;
        this.timer = timer;
        this.timeout = timeout;
        this.reply = reply;
    }

    /** Starts the timeout and asks the pool for a connection; call on the client connection's event loop. */
    void start() {
        startNanos = System.nanoTime();
        timer.add(this);
        pool.acquire(this);
    }

    @Override
    public void connected(Channel channel) {
        if (finished) {
            channel.close();
            return;
        }
        backendChannel = channel;
        channel.pipeline().get(BackendHandler.class).begin(this);
        // a failed write closes the connection, which the BackendHandler reports as a failure
        channel.writeAndFlush(Forwarding.toBackend(request, clientIp), channel.voidPromise());
    }

    @Override
    public void connectFailed(Throwable cause) {
        if (!finished) {
            fail(BackendFailure.of(backend, cause, timeout));
        }
    }

    /** The backend answered; takes ownership of {@code response}. */
    void onResponse(FullHttpResponse response) {
        if (finished) {
            response.release();
            return;
        }
        Channel channel = backendChannel;
        backendChannel = null;
        if (HttpUtil.isKeepAlive(response)) {
            pool.release(channel);
        } else {
            channel.close();
        }
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

    @Override
    void expired() {
        if (!finished) {
            fail(BackendFailure.timedOut(backend, timeout));
        }
    }

    private void fail(BackendFailure failure) {
        if (backendChannel != null) {
            backendChannel.close();
            backendChannel = null;
        }
        finish(failure.toResponse(), true);
    }

    private void finish(FullHttpResponse response, boolean failed) {
        finished = true;
        state.finished(failed, System.nanoTime() - startNanos);
        timer.remove(this);
        request.release();
        reply.accept(response, backend.name());
    }
}
