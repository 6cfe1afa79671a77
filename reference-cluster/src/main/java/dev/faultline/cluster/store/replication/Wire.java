package dev.faultline.cluster.store.replication;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.cluster.store.version.Version;
import dev.faultline.cluster.store.version.VersionCodec;
import dev.faultline.cluster.store.version.VersionVector;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The JSON bodies of the node-to-node endpoints under {@code /internal/}. */
public final class Wire {
    static final ObjectMapper JSON = new ObjectMapper();

    private Wire() {
    }

    /** One version; {@code value} in base64. */
    public record WireVersion(String value, boolean tombstone, long timestamp, String writer, Map<String, Long> vector) {
    }

    /** A key and every version a replica keeps of it. */
    public record WireEntry(String key, List<WireVersion> versions) {
    }

    /** The body of {@code POST /internal/merge} and of the answer to {@code POST /internal/entries}. */
    public record WireEntries(List<WireEntry> entries) {
    }

    /** The answer to {@code GET /internal/buckets?with=NODE}: one hash per anti-entropy bucket. */
    public record BucketHashes(String node, long[] hashes) {
    }

    /** The body of {@code POST /internal/entries}: the buckets whose keys (shared with node {@code with}) to send. */
    public record BucketRequest(String with, List<Integer> buckets) {
    }

    static WireEntries entries(List<VersionCodec.Entry> entries) {
        return new WireEntries(entries.stream().map(Wire::entry).toList());
    }

    static WireEntry entry(VersionCodec.Entry entry) {
        return new WireEntry(entry.key(), entry.versions().stream().map(Wire::version).toList());
    }

    static WireVersion version(Version version) {
        return new WireVersion(Base64.getEncoder().encodeToString(version.value()), version.tombstone(),
                version.timestamp(), version.writer(), version.vector().counters());
    }

    /** @throws IllegalArgumentException naming what is wrong with the entry */
    static VersionCodec.Entry entry(WireEntry wire) {
        if (wire == null || wire.key() == null || wire.key().isEmpty() || wire.versions() == null) {
            throw new IllegalArgumentException("every entry needs a non-empty 'key' and a 'versions' list");
        }
        return new VersionCodec.Entry(wire.key(), wire.versions().stream().map(Wire::version).toList());
    }

    static Version version(WireVersion wire) {
        if (wire == null || wire.value() == null || wire.writer() == null) {
            throw new IllegalArgumentException("every version needs a 'value' (base64) and a 'writer'");
        }
        VersionVector vector = VersionVector.of(wire.vector() == null ? Map.of() : wire.vector());
        return new Version(Base64.getDecoder().decode(wire.value()), wire.tombstone(), wire.timestamp(), wire.writer(),
                vector);
    }

    static byte[] write(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** @throws IllegalArgumentException if the bytes are not such a body */
    static <T> T read(byte[] body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("malformed " + type.getSimpleName() + " JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed " + type.getSimpleName() + " JSON: " + e.getMessage(), e);
        }
    }
}
