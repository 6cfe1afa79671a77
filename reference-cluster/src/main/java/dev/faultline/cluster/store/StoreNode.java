package dev.faultline.cluster.store;

import dev.faultline.cluster.http.NettyServer;
import dev.faultline.cluster.http.ServerThreads;
import dev.faultline.cluster.store.clock.HybridClock;
import dev.faultline.cluster.store.replication.AntiEntropy;
import dev.faultline.cluster.store.replication.Coordinator;
import dev.faultline.cluster.store.replication.Hints;
import dev.faultline.cluster.store.replication.InternalApi;
import dev.faultline.cluster.store.replication.PeerClient;
import dev.faultline.cluster.store.replication.Replica;
import dev.faultline.cluster.store.replication.StoreMetrics;
import dev.faultline.cluster.store.ring.HashRing;
import dev.faultline.cluster.store.version.LastWriteWins;
import dev.faultline.cluster.store.version.Reconciler;
import dev.faultline.cluster.store.version.SetUnion;
import dev.faultline.cluster.store.version.VectorSiblings;
import dev.faultline.cluster.store.wal.EntryLog;
import dev.faultline.cluster.store.wal.WriteAheadLog;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One node of the replicated store, serving HTTP/1.1 (routes in {@link StoreApi}); every response carries
 * {@code X-Node: <name>}. On start it replays its write-ahead log, then listens, delivers hints every 100 ms and
 * runs anti-entropy with its peers every {@code antiEntropyPeriod} (unless the config switches either off).
 */
public final class StoreNode implements AutoCloseable {
    private static final long HINT_PERIOD_MS = 100;

    private final String name;
    private final NettyServer server;
    private final List<ScheduledExecutorService> executors;
    private final PeerClient peers;
    private final EntryLog log;
    private final StoreMetrics metrics;

    private StoreNode(String name, NettyServer server, List<ScheduledExecutorService> executors, PeerClient peers,
            EntryLog log, StoreMetrics metrics) {
        this.name = name;
        this.server = server;
        this.executors = executors;
        this.peers = peers;
        this.log = log;
        this.metrics = metrics;
    }

    /**
     * Replays the log, starts the node and returns once it listens.
     *
     * @throws dev.faultline.cluster.http.ServerStartException naming host:port and the cause if it cannot listen
     * @throws java.io.UncheckedIOException naming the file if the write-ahead log cannot be opened
     */
    public static StoreNode start(StoreNodeConfig config) {
        return start(config, EntryLog.NONE);
    }

    /**
     * As {@link #start(StoreNodeConfig)}, with {@code unlogged} taking the place of "no log" under durability
     * {@code none}: a benchmark records there when each change was applied.
     */
    static StoreNode start(StoreNodeConfig config, EntryLog unlogged) {
        Objects.requireNonNull(config, "config");
        String self = config.name();
        HybridClock clock = new HybridClock();
        HashRing ring = new HashRing(config.nodeNames(), config.virtualNodes(), config.replication());
        Reconciler reconciler = switch (config.conflicts()) {
            case LWW -> new LastWriteWins();
            case VERSION_VECTORS -> new VectorSiblings();
            case SET_UNION -> new SetUnion();
        };
        Replica replica = new Replica(reconciler, ring, clock);
        EntryLog log = openLog(config, replica, unlogged);
        replica.logTo(log);
        StoreMetrics metrics = new StoreMetrics(self, Path.of(config.dataDir() == null ? "." : config.dataDir()));
        ScheduledExecutorService timer = threads(self, "timer", 1);
        ScheduledExecutorService background = threads(self, "background", 2);
        PeerClient peers = new PeerClient(config.peers(), config.requestTimeout(), background);
        Hints hints = new Hints(reconciler, metrics, config.hintedHandoff());
        Coordinator coordinator = new Coordinator(self, ring, replica, peers, hints, metrics, timer,
                new Coordinator.Quorums(config.effectiveWriteQuorum(), config.effectiveReadQuorum(),
                        config.consistency() == Consistency.EVENTUAL && config.hintedHandoff(),
                        config.requestTimeout().toMillis()));
        ClientApi client = new ClientApi(config.conflicts(), coordinator, new VersionMinter(self, clock), reconciler,
                config.requestTimeout().toMillis());
        StoreApi api = new StoreApi(self, client, new InternalApi(self, replica), replica, clock, metrics, background);
        StoreChannelInitializer pipeline = new StoreChannelInitializer(self, new StoreHandler(api));
        NettyServer server;
        try {
            server = NettyServer.start("store " + self, config.host(), config.port(), ServerThreads.SMALL, pipeline);
        } catch (RuntimeException e) {
            timer.shutdownNow();
            background.shutdownNow();
            peers.close();
            log.close();
            throw e;
        }
        peers.runOn(server.workers());
        AntiEntropy antiEntropy = new AntiEntropy(self, config.peers().stream().map(Peer::name).toList(), replica,
                peers, metrics, config.requestTimeout());
        peers.warmUp(timer);
        if (config.hintedHandoff()) {
            timer.scheduleWithFixedDelay(() -> hints.deliver(peers, timer), HINT_PERIOD_MS, HINT_PERIOD_MS,
                    TimeUnit.MILLISECONDS);
        }
        if (config.antiEntropy()) {
            long period = config.antiEntropyPeriod().toMillis();
            background.scheduleWithFixedDelay(antiEntropy::round, period, period, TimeUnit.MILLISECONDS);
        }
        return new StoreNode(self, server, List.of(timer, background), peers, log, metrics);
    }

    private static EntryLog openLog(StoreNodeConfig config, Replica replica, EntryLog unlogged) {
        return switch (config.durability()) {
            case NONE -> unlogged;
            case FSYNC -> WriteAheadLog.open(Path.of(config.dataDir()), WriteAheadLog.SyncMode.FORCE_BEFORE_ACK,
                    config.name(), replica::replay);
            case ASYNC -> WriteAheadLog.open(Path.of(config.dataDir()), WriteAheadLog.SyncMode.BACKGROUND,
                    config.name(), replica::replay);
        };
    }

    /**
     * Daemon threads: "timer" for quorum deadlines and hint delivery, "background" for anti-entropy and digests.
     * Cancelled tasks leave the queue at once: a quorum decided in time cancels its deadline, and the timer thread
     * must not wake up a thousand times a second for deadlines nobody waits for.
     */
    private static ScheduledExecutorService threads(String self, String job, int count) {
        AtomicInteger started = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(count, runnable -> {
            Thread thread = new Thread(runnable, "store-" + self + "-" + job + "-" + started.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    public String name() {
        return name;
    }

    /** The port the node really listens on. */
    public int port() {
        return server.port();
    }

    public InetSocketAddress address() {
        return server.address();
    }

    /** The node's meters, e.g. for a benchmark reading replication lag. */
    public StoreMetrics metrics() {
        return metrics;
    }

    /**
     * Idempotent: stops background work, then listening, closes every connection, flushes and closes the log.
     * Background work ends first: its peer calls run on the server's event loops.
     */
    @Override
    public void close() {
        executors.forEach(ScheduledExecutorService::shutdownNow);
        awaitBackgroundWork();
        server.close();
        peers.close();
        log.close();
    }

    /** Lets interrupted anti-entropy and hint work end before the event loops and peer client they use stop. */
    private void awaitBackgroundWork() {
        try {
            for (ScheduledExecutorService executor : executors) {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "StoreNode[" + name + " on " + address() + "]";
    }
}
