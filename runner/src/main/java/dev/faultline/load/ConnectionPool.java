package dev.faultline.load;

import dev.faultline.plan.RequestSpec;
import dev.faultline.sample.ErrorKind;
import dev.faultline.sample.RunClock;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The connections of one event loop, and the arrivals waiting for one. All its state is touched on that loop only.
 * An arrival takes an idle connection if there is one; otherwise it waits, and a new connection is opened for it
 * (the pool grows as needed up to its share of {@code load.connections}; the max-in-flight cap bounds it too) unless
 * {@link #MAX_CONNECTING}
 * connects are already under way: a burst of arrivals must not become a storm of connects that slows the target
 * (and the generator) down further. A failed connect ends the oldest
 * waiting arrival with CONNECT_REFUSED or CONNECT_TIMEOUT. Every 10 ms a sweep times out arrivals past their
 * deadline: in flight (TIMEOUT, the connection is closed) or still waiting for a connection (CONNECT_TIMEOUT, or
 * TIMEOUT when the pool is at its connection cap). Waiting arrivals are swept oldest first up to the first one still
 * in time; one with a shorter timeout behind it is caught when those before it expire or are sent.
 */
final class ConnectionPool {
    static final long SWEEP_MILLIS = 10;
    static final int MAX_CONNECTING = 16;

    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final InetSocketAddress address;
    private final RunClock clock;
    private final List<RequestSpec> specs;
    private final boolean[] head;
    /** Per request, whether each status 0..599 counts as success: a lookup, not a list search, per response. */
    private final boolean[][] expected;
    private final Completion completion;
    private final ArrayDeque<HttpConnection> idle = new ArrayDeque<>();
    private final ArrayDeque<Arrival> waiting = new ArrayDeque<>();
    private final List<HttpConnection> open = new ArrayList<>();
    private final int maxConnections;
    private int connecting;
    private long opened;
    private long sends;
    private long lagSum;
    private long lagMax;

    ConnectionPool(EventLoop loop, Class<? extends SocketChannel> channel, InetSocketAddress address, RunClock clock,
            List<RequestSpec> specs, long connectTimeoutNanos, int maxConnections, Completion completion) {
        this.loop = loop;
        this.maxConnections = maxConnections;
        this.address = address;
        this.clock = clock;
        this.specs = specs;
        this.head = new boolean[specs.size()];
        for (int i = 0; i < head.length; i++) {
            head[i] = "HEAD".equals(specs.get(i).method());
        }
        this.expected = new boolean[specs.size()][600];
        for (int i = 0; i < expected.length; i++) {
            for (int status = 0; status < 600; status++) {
                expected[i][status] = specs.get(i).isExpected(status);
            }
        }
        this.completion = completion;
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(channel)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(connectTimeoutNanos)))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpConnection(ConnectionPool.this));
                    }
                });
        loop.scheduleAtFixedRate(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Hands arrivals to this pool from any thread. */
    void submit(List<Arrival> arrivals) {
        loop.execute(() -> arrivals.forEach(this::submit));
    }

    /** Hands one arrival to this pool: at once when called on its event loop, else through the loop's queue. */
    void submitOne(Arrival arrival) {
        if (loop.inEventLoop()) {
            submit(arrival);
        } else {
            loop.execute(() -> submit(arrival));
        }
    }

    /** The event loop whose connections this pool holds. */
    EventLoop loop() {
        return loop;
    }

    private void submit(Arrival arrival) {
        HttpConnection connection;
        while ((connection = idle.pollLast()) != null) { // the most recently used: warm
            if (connection.isUsable()) {
                connection.send(arrival);
                return;
            }
        }
        waiting.addLast(arrival);
        growIfNeeded();
    }

    private void growIfNeeded() {
        while (connecting < Math.min(waiting.size(), MAX_CONNECTING) && open.size() + connecting < maxConnections) {
            connect();
        }
    }

    private void connect() {
        connecting++;
        opened++;
        ChannelFuture future = bootstrap.connect(address);
        future.addListener(f -> {
            connecting--;
            if (f.isSuccess() && !future.channel().isActive()) {
                growIfNeeded(); // connected and already closed by the peer: try another
            } else if (f.isSuccess()) {
                HttpConnection connection = future.channel().pipeline().get(HttpConnection.class);
                open.add(connection);
                ready(connection);
                growIfNeeded();
            } else {
                Arrival arrival = waiting.pollFirst();
                if (arrival != null) {
                    failed(arrival, connectError(f.cause()));
                }
                growIfNeeded();
            }
        });
    }

    /** A connection can carry a request: give it the oldest waiting arrival, or keep it idle. */
    void ready(HttpConnection connection) {
        Arrival arrival = waiting.pollFirst();
        if (arrival != null) {
            connection.send(arrival);
        } else {
            idle.addLast(connection);
        }
    }

    /** Notes how late a request goes out: the generator's own delay, part of every latency it measures. */
    void sending(Arrival arrival) {
        long lag = clock.nanosNow() - arrival.intendedNanos;
        sends++;
        lagSum += lag;
        lagMax = Math.max(lagMax, lag);
    }

    void closed(HttpConnection connection) {
        open.remove(connection);
        idle.remove(connection);
    }

    /** A response with {@code status} completed the arrival at {@code endNanos}. */
    void answered(Arrival arrival, int status, long endNanos) {
        boolean ok = status >= 0 && status < 600 ? expected[arrival.request][status]
                : specs.get(arrival.request).isExpected(status);
        completion.complete(arrival, endNanos, ok ? null : ErrorKind.ofStatus(status));
    }

    boolean isHead(Arrival arrival) {
        return head[arrival.request];
    }

    long nanosNow() {
        return clock.nanosNow();
    }

    void failed(Arrival arrival, ErrorKind error) {
        arrival.abandon();
        completion.complete(arrival, clock.nanosNow(), error);
    }

    private void sweep() {
        long now = clock.nanosNow();
        for (int i = open.size() - 1; i >= 0; i--) {
            if (i < open.size()) {
                open.get(i).expireIfDue(now);
            }
        }
        // oldest first, stopping at the first arrival still in time: a long queue (a connection cap under overload)
        // costs the sweep only what expires, not the whole queue every 10 ms
        Arrival arrival;
        while ((arrival = waiting.peekFirst()) != null && now - arrival.deadlineNanos >= 0) {
            waiting.pollFirst(); // waiting for a connection: to be made (connect timeout) or, at the cap, to be free
            failed(arrival, open.size() >= maxConnections ? ErrorKind.TIMEOUT : ErrorKind.CONNECT_TIMEOUT);
        }
    }

    /** How many connections this pool has tried to open (read after the load, for tests and diagnostics). */
    long opened() {
        return opened;
    }

    /** {sends, sum of send lags, max send lag} in nanoseconds; read after the load. */
    long[] sendLag() {
        return new long[] {sends, lagSum, lagMax};
    }

    static ErrorKind connectError(Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return ErrorKind.CONNECT_TIMEOUT;
        }
        if (cause instanceof ConnectException) {
            return ErrorKind.CONNECT_REFUSED;
        }
        return ErrorKind.OTHER;
    }
}
