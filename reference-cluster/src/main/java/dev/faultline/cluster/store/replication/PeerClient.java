package dev.faultline.cluster.store.replication;

import dev.faultline.cluster.store.Peer;
import dev.faultline.cluster.store.version.Version;
import dev.faultline.cluster.store.version.VersionCodec;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Calls the {@code /internal/} endpoints of peer nodes over HTTP/1.1 keep-alive connections ({@link PeerTransport},
 * on Netty), served by the node's own server I/O event loops once {@link #runOn} has named them.
 * Every call is bounded: {@code requestTimeout} for a key's read or write, a longer {@code bulkTimeout} for
 * anti-entropy transfers. A failed or timed-out call completes its future exceptionally; nothing blocks, and the
 * futures complete on the node's server I/O event loop.
 */
public final class PeerClient implements AutoCloseable {
    private static final byte[] NO_BODY = new byte[0];
    private static final int WARM_UP_ATTEMPTS = 100;
    private static final long WARM_UP_RETRY_MS = 100;

    private final Map<String, PeerBatches> batchesByPeer = new HashMap<>();
    private final PeerTransport transport;
    private final Duration requestTimeout;
    private final Duration bulkTimeout;
    private final Executor bulkWork;

    /** @param bulkWork decodes anti-entropy answers, which can be large, off the event loop */
    public PeerClient(Collection<Peer> peers, Duration requestTimeout, Executor bulkWork) {
        Map<String, InetSocketAddress> addresses = new HashMap<>();
        peers.forEach(peer -> {
            addresses.put(peer.name(), new InetSocketAddress(peer.host(), peer.port()));
            batchesByPeer.put(peer.name(), new PeerBatches(peer.name(), this));
        });
        this.transport = new PeerTransport(addresses, requestTimeout);
        this.requestTimeout = requestTimeout;
        this.bulkWork = bulkWork;
        Duration twentyTimes = requestTimeout.multipliedBy(20);
        this.bulkTimeout = twentyTimes.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : twentyTimes;
    }

    /**
     * Serves peer connections on {@code serverLoops}, the node's server I/O event loops: a replication write made
     * while handling a client's request goes out on the same thread, at once. Calls made before wait for this.
     */
    public void runOn(EventLoopGroup serverLoops) {
        transport.runOn(serverLoops);
    }

    /**
     * Sends every peer an empty merge until it answers (every {@value #WARM_UP_RETRY_MS} ms, at most
     * {@value #WARM_UP_ATTEMPTS} times; peers of a starting cluster may not listen yet): loads the classes of both
     * sides' HTTP and JSON paths and leaves a keep-alive connection in the pool before the first client write needs
     * one. Without it a cold JVM's first replicated write can miss a short quorum timeout.
     */
    public void warmUp(ScheduledExecutorService timer) {
        batchesByPeer.keySet().forEach(peer -> warmUp(peer, WARM_UP_ATTEMPTS, timer));
    }

    private void warmUp(String peer, int attemptsLeft, ScheduledExecutorService timer) {
        merge(peer, List.of()).whenComplete((done, failure) -> {
            if (failure != null && attemptsLeft > 1 && !timer.isShutdown()) {
                timer.schedule(() -> warmUp(peer, attemptsLeft - 1, timer), WARM_UP_RETRY_MS, TimeUnit.MILLISECONDS);
            }
        });
    }

    /**
     * Sends one write to a replica, batched with the others queued for it ({@link PeerBatches}); completes when
     * the replica has applied (and logged) it.
     */
    public CompletableFuture<Void> replicate(String peer, VersionCodec.Entry entry) {
        PeerBatches batches = batchesByPeer.get(peer);
        return batches == null ? CompletableFuture.failedFuture(new IllegalArgumentException("no such peer: " + peer))
                : batches.send(entry);
    }

    /** One merge request with a batch of writes, bounded by the request timeout. */
    CompletableFuture<Void> replicate(String peer, List<VersionCodec.Entry> entries) {
        return call(peer, HttpMethod.POST, "/internal/merge", Wire.write(Wire.entries(entries)), requestTimeout).thenApply(body -> null);
    }

    /** Sends many entries for a replica to merge (hints, anti-entropy); completes when it has applied them. */
    public CompletableFuture<Void> merge(String peer, List<VersionCodec.Entry> entries) {
        return call(peer, HttpMethod.POST, "/internal/merge", Wire.write(Wire.entries(entries)), bulkTimeout).thenApply(body -> null);
    }

    /** Every version the peer keeps of {@code key}. */
    public CompletableFuture<List<Version>> read(String peer, String key) {
        String path = "/internal/kv/" + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
        return call(peer, HttpMethod.GET, path, NO_BODY, requestTimeout)
                .thenApply(body -> Wire.entry(Wire.read(body, Wire.WireEntry.class)).versions());
    }

    /** The peer's anti-entropy bucket hashes over the keys it shares with {@code self}. */
    CompletableFuture<long[]> bucketHashes(String peer, String self) {
        return call(peer, HttpMethod.GET, "/internal/buckets?with=" + self, NO_BODY, bulkTimeout)
                .thenApplyAsync(body -> Wire.read(body, Wire.BucketHashes.class).hashes(), bulkWork);
    }

    /** The peer's entries in {@code buckets} among the keys it shares with {@code self}. */
    CompletableFuture<List<VersionCodec.Entry>> entriesIn(String peer, String self, List<Integer> buckets) {
        byte[] request = Wire.write(new Wire.BucketRequest(self, buckets));
        return call(peer, HttpMethod.POST, "/internal/entries", request, bulkTimeout)
                .thenApplyAsync(body -> Wire.read(body, Wire.WireEntries.class).entries().stream().map(Wire::entry).toList(),
                        bulkWork);
    }

    private CompletableFuture<byte[]> call(String peer, HttpMethod method, String path, byte[] body, Duration timeout) {
        return transport.call(peer, method, path, body, timeout).thenApply(answer -> {
            if (answer.status() / 100 != 2) {
                throw new PeerCallException(peer + " answered " + answer.status() + " to " + path + ": "
                        + new String(answer.body(), StandardCharsets.UTF_8).trim());
            }
            return answer.body();
        });
    }

    /** A peer answered, but not with success. */
    static final class PeerCallException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PeerCallException(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
