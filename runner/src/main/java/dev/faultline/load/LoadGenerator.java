package dev.faultline.load;

import dev.faultline.plan.LoadSpec;
import dev.faultline.sample.ErrorKind;
import dev.faultline.sample.RunClock;
import dev.faultline.sample.SampleRecorder;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a load against one HTTP/1.1 endpoint and records every request in a {@link SampleRecorder}. Open model:
 * arrivals at the stages' rates whatever the target does, each request's latency measured from its intended send
 * time (coordinated omission corrected, as wrk2 does). Closed model: virtual users with think time
 * ({@link ClosedUsers}). A success of a request with an acknowledgement log is also recorded as an acknowledgement. Times are on the given {@link RunClock}: arrival {@code t} of the schedule
 * is intended at run time {@code t}. The same seed gives the same requests in the same order.
 *
 * <pre>{@code
 * try (LoadGenerator load = new LoadGenerator(spec, URI.create("http://127.0.0.1:8080"), 7, clock, recorder)) {
 *     LoadSummary summary = load.run();
 * }
 * Samples samples = recorder.finish();
 * }</pre>
 */
public final class LoadGenerator implements AutoCloseable {
    /** How long past the longest timeout run() waits for outstanding requests before declaring a bug. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final LoadSpec spec;
    private final RunClock clock;
    private final SampleRecorder recorder;
    private final EventLoopGroup group;
    private final RequestMix mix;
    private final Pacer pacer;
    private final ClosedUsers closed;
    private final ConnectionPool[] pools;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final LongAdder completed = new LongAdder();
    private final AtomicLong stoppedAtNanos = new AtomicLong(Long.MIN_VALUE);
    private volatile Thread pacerThread;
    private volatile boolean stopped;
    private boolean ran;

    public LoadGenerator(LoadSpec spec, URI baseUri, long seed, RunClock clock, SampleRecorder recorder) {
        this(spec, baseUri, seed, clock, recorder, Runtime.getRuntime().availableProcessors() >= 4 ? 2 : 1);
    }

    LoadGenerator(LoadSpec spec, URI baseUri, long seed, RunClock clock, SampleRecorder recorder, int eventLoops) {
        if (!"http".equalsIgnoreCase(baseUri.getScheme()) || baseUri.getHost() == null) {
            throw new IllegalArgumentException("the load generator needs an http://host:port URI, not " + baseUri);
        }
        this.spec = spec;
        this.clock = clock;
        this.recorder = recorder;
        spec.requireStagesFitModel();
        recorder.countClients(spec.clients());
        SplittableRandom random = new SplittableRandom(seed);
        this.mix = new RequestMix(spec, baseUri, random.split());
        SplittableRandom scheduleRandom = random.split();
        ArrivalSchedule schedule = spec.model() == LoadSpec.Model.CLOSED ? null
                : new ArrivalSchedule(spec.stages(), spec.arrivals(), scheduleRandom);
        InetSocketAddress address = new InetSocketAddress(baseUri.getHost(), baseUri.getPort() < 0 ? 80 : baseUri.getPort());
        boolean epoll = Epoll.isAvailable(); // native epoll on Linux: fewer syscalls per request than NIO
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends SocketChannel> channel = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        this.group = new MultiThreadIoEventLoopGroup(eventLoops, new DefaultThreadFactory("faultline-load", true), io);
        this.pools = new ConnectionPool[eventLoops];
        Completion completion = this::complete;
        for (int i = 0; i < eventLoops; i++) {
            int share = spec.connections() == null ? Integer.MAX_VALUE
                    : Math.max(1, spec.connections() / eventLoops + (i < spec.connections() % eventLoops ? 1 : 0));
            pools[i] = new ConnectionPool((EventLoop) group.next(), channel, address, clock, spec.requests(),
                    mix.maxTimeoutNanos(), share, completion);
        }
        if (spec.model() == LoadSpec.Model.CLOSED) {
            this.closed = new ClosedUsers(spec, mix, pools, clock, outstanding);
            this.pacer = null;
        } else {
            this.closed = null;
            this.pacer = new Pacer(schedule, mix, spec.duration().toNanos(), spec.maxInFlight(), outstanding, clock,
                    recorder, pools);
        }
    }

    /**
     * Sends the load: returns when every stage has elapsed (or {@link #stop()} was called) and every request sent
     * has completed or timed out. Can be called once.
     */
    public LoadSummary run() throws InterruptedException {
        synchronized (this) {
            if (ran) {
                throw new IllegalStateException("a load generator runs once");
            }
            ran = true;
        }
        pacerThread = Thread.currentThread();
        long endNanos = spec.duration().toNanos();
        if (closed != null) {
            closed.run(() -> stopped);
        } else {
            pacer.run(() -> stopped);
        }
        while (!stopped && clock.nanosNow() < endNanos) { // the last arrival may come well before the end
            LockSupport.parkNanos(this, endNanos - clock.nanosNow());
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the load's end");
            }
        }
        long loadEndNanos = stopped ? Math.max(0, Math.min(stoppedAtNanos.get(), endNanos)) : endNanos;
        awaitOutstanding();
        double seconds = loadEndNanos / 1e9;
        long loadEndMs = TimeUnit.NANOSECONDS.toMillis(loadEndNanos);
        if (closed != null) {
            return new LoadSummary("closed", 0, seconds == 0 ? 0 : closed.sent() / seconds, closed.sent(),
                    completed.sum(), 0, loadEndMs, closed.peakUsers(), closed.iterations());
        }
        return new LoadSummary("open", spec.meanRatePerSecond(), seconds == 0 ? 0 : pacer.sent() / seconds,
                pacer.sent(), completed.sum(), pacer.dropped(), loadEndMs);
    }

    /** Ends the load early: no more arrivals; run() still waits for requests already sent. Idempotent, any thread. */
    public void stop() {
        if (stoppedAtNanos.compareAndSet(Long.MIN_VALUE, clock.nanosNow())) {
            stopped = true;
            Thread t = pacerThread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** Stops the load and frees its threads and connections. */
    @Override
    public void close() {
        stop();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** How many connections were opened (or tried); read after run() returned. */
    long connectionsOpened() {
        long sum = 0;
        for (ConnectionPool pool : pools) {
            sum += pool.opened();
        }
        return sum;
    }

    /**
     * The mean delay between intended and actual send times, in microseconds: the generator's own share of the
     * latencies it measured (pacer wake-up, hand-over to the event loop, waiting for a connection). Read after run().
     */
    double meanSendLagMicros() {
        long sends = 0;
        long sum = 0;
        for (ConnectionPool pool : pools) {
            sends += pool.sendLag()[0];
            sum += pool.sendLag()[1];
        }
        return sends == 0 ? 0 : sum / 1000.0 / sends;
    }

    private void awaitOutstanding() throws InterruptedException {
        long giveUp = clock.nanosNow() + mix.maxTimeoutNanos() + GRACE_NANOS;
        while (outstanding.get() > 0) {
            if (clock.nanosNow() - giveUp > 0) {
                throw new IllegalStateException(outstanding.get() + " requests neither completed nor timed out");
            }
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for outstanding requests");
            }
        }
    }

    private void complete(Arrival arrival, long endNanos, ErrorKind errorOrNull) {
        try {
            String name = mix.name(arrival.request);
            recorder.record(name, arrival.intendedNanos, endNanos, errorOrNull, arrival.client);
            if (errorOrNull == null && arrival.ackKey != null) {
                recorder.acknowledge(name, arrival.ackKey, arrival.ackElement, arrival.intendedNanos, endNanos);
            }
            if (errorOrNull == null && arrival.readKey != null) {
                recorder.read(arrival.readKey, arrival.intendedNanos, endNanos, arrival.readBody);
            }
        } finally {
            completed.increment();
            outstanding.decrementAndGet();
        }
        if (arrival.user != null) {
            closed.ended(arrival.user, errorOrNull == null || errorOrNull.isStatus());
        }
    }
}
