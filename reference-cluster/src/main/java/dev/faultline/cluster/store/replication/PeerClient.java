package dev.faultline.cluster.store.replication;

import dev.faultline.cluster.store.Peer;
import dev.faultline.cluster.store.version.Version;
import dev.faultline.cluster.store.version.VersionCodec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls the {@code /internal/} endpoints of peer nodes over HTTP/1.1 keep-alive connections (java.net.http).
 * Every call is bounded: {@code requestTimeout} for a key's read or write, a longer {@code bulkTimeout} for
 * anti-entropy transfers. A failed or timed-out call completes its future exceptionally; nothing blocks.
 */
public final class PeerClient implements AutoCloseable {
    private final Map<String, URI> bases = new HashMap<>();
    private final Map<String, PeerBatches> batchesByPeer = new HashMap<>();
    private final ExecutorService executor;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Duration bulkTimeout;

    public PeerClient(String self, Collection<Peer> peers, Duration requestTimeout) {
        peers.forEach(peer -> {
            bases.put(peer.name(), URI.create("http://" + peer.host() + ":" + peer.port()));
            batchesByPeer.put(peer.name(), new PeerBatches(peer.name(), this));
        });
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "store-" + self + "-peers-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(requestTimeout)
                .executor(executor).build();
        this.requestTimeout = requestTimeout;
        Duration twentyTimes = requestTimeout.multipliedBy(20);
        this.bulkTimeout = twentyTimes.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : twentyTimes;
    }

    /**
     * Asks every peer for {@code /health} and ignores the answers: loads the HTTP client's classes and opens
     * keep-alive connections before the first client request needs them.
     */
    public void warmUp() {
        bases.keySet().forEach(peer -> call(peer, HttpRequest.newBuilder().GET(), "/health", requestTimeout)
                .exceptionally(failure -> null));
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
        return call(peer, post(Wire.write(Wire.entries(entries))), "/internal/merge", requestTimeout).thenApply(body -> null);
    }

    /** Sends many entries for a replica to merge (hints, anti-entropy); completes when it has applied them. */
    public CompletableFuture<Void> merge(String peer, List<VersionCodec.Entry> entries) {
        return call(peer, post(Wire.write(Wire.entries(entries))), "/internal/merge", bulkTimeout).thenApply(body -> null);
    }

    /** Every version the peer keeps of {@code key}. */
    public CompletableFuture<List<Version>> read(String peer, String key) {
        String path = "/internal/kv/" + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
        return call(peer, HttpRequest.newBuilder().GET(), path, requestTimeout)
                .thenApply(body -> Wire.entry(Wire.read(body, Wire.WireEntry.class)).versions());
    }

    /** The peer's anti-entropy bucket hashes over the keys it shares with {@code self}. */
    CompletableFuture<long[]> bucketHashes(String peer, String self) {
        return call(peer, HttpRequest.newBuilder().GET(), "/internal/buckets?with=" + self, bulkTimeout)
                .thenApply(body -> Wire.read(body, Wire.BucketHashes.class).hashes());
    }

    /** The peer's entries in {@code buckets} among the keys it shares with {@code self}. */
    CompletableFuture<List<VersionCodec.Entry>> entriesIn(String peer, String self, List<Integer> buckets) {
        byte[] request = Wire.write(new Wire.BucketRequest(self, buckets));
        return call(peer, post(request), "/internal/entries", bulkTimeout)
                .thenApply(body -> Wire.read(body, Wire.WireEntries.class).entries().stream().map(Wire::entry).toList());
    }

    private static HttpRequest.Builder post(byte[] body) {
        return HttpRequest.newBuilder().POST(BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
    }

    private CompletableFuture<byte[]> call(String peer, HttpRequest.Builder request, String path, Duration timeout) {
        URI base = bases.get(peer);
        if (base == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no such peer: " + peer));
        }
        HttpRequest built = request.uri(base.resolve(path)).timeout(timeout).build();
        return http.sendAsync(built, BodyHandlers.ofByteArray()).thenApply(response -> body(peer, path, response));
    }

    private static byte[] body(String peer, String path, HttpResponse<byte[]> response) {
        if (response.statusCode() / 100 != 2) {
            throw new PeerCallException(peer + " answered " + response.statusCode() + " to " + path + ": "
                    + new String(response.body(), StandardCharsets.UTF_8).trim());
        }
        return response.body();
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
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
