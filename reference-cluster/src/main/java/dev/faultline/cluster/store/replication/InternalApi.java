package dev.faultline.cluster.store.replication;

import dev.faultline.cluster.store.version.VersionCodec;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The node-to-node endpoints, as functions from request bodies to response bodies (JSON bytes):
 * <ul>
 *   <li>{@code POST /internal/merge} {@code {"entries":[{"key","versions":[...]}]}}: merge and log; 204 when applied</li>
 *   <li>{@code GET /internal/kv/{key}}: {@code {"key","versions":[...]}}, every version kept, tombstones included</li>
 *   <li>{@code GET /internal/buckets?with=NODE}: {@code {"node","hashes":[...]}} over the keys shared with NODE</li>
 *   <li>{@code POST /internal/entries} {@code {"with","buckets":[...]}}: {@code {"entries":[...]}} in those buckets</li>
 * </ul>
 * A version is {@code {"value": base64, "tombstone", "timestamp", "writer", "vector": {"n1": 3}}}.
 */
public final class InternalApi {
    private final String self;
    private final Replica replica;

    public InternalApi(String self, Replica replica) {
        this.self = self;
        this.replica = replica;
    }

    /**
     * Merges every entry; completes once all are applied and logged.
     *
     * @throws IllegalArgumentException if the body is not a valid merge request
     */
    public CompletableFuture<Void> merge(byte[] body) {
        Wire.WireEntries request = Wire.read(body, Wire.WireEntries.class);
        if (request.entries() == null) {
            throw new IllegalArgumentException("a merge request needs an 'entries' list");
        }
        List<VersionCodec.Entry> entries = request.entries().stream().map(Wire::entry).toList();
        return CompletableFuture.allOf(entries.stream()
                .map(entry -> replica.merge(entry.key(), entry.versions()))
                .toArray(CompletableFuture[]::new));
    }

    public byte[] read(String key) {
        return Wire.write(Wire.entry(new VersionCodec.Entry(key, replica.versions(key))));
    }

    public byte[] bucketHashes(String peer) {
        return Wire.write(new Wire.BucketHashes(self, replica.bucketHashes(self, peer)));
    }

    /** @throws IllegalArgumentException if the body is not a valid bucket request */
    public byte[] entriesIn(byte[] body) {
        Wire.BucketRequest request = Wire.read(body, Wire.BucketRequest.class);
        if (request.with() == null || request.buckets() == null) {
            throw new IllegalArgumentException("an entries request needs 'with' (a node name) and 'buckets' (a list)");
        }
        return Wire.write(Wire.entries(replica.entriesIn(new HashSet<>(request.buckets()), self, request.with())));
    }
}
