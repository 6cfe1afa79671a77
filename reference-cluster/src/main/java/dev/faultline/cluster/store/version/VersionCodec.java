package dev.faultline.cluster.store.version;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A compact binary form of (key, versions), for the write-ahead log and for hashing a key's state. */
public final class VersionCodec {
    private VersionCodec() {
    }

    /** A key and its versions. */
    public record Entry(String key, List<Version> versions) {
        public Entry {
            versions = List.copyOf(versions);
        }
    }

    public static byte[] encode(String key, List<Version> versions) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(key);
            out.writeInt(versions.size());
            for (Version version : versions) {
                out.writeBoolean(version.tombstone());
                out.writeLong(version.timestamp());
                out.writeUTF(version.writer());
                out.writeInt(version.vector().counters().size());
                for (Map.Entry<String, Long> counter : version.vector().counters().entrySet()) {
                    out.writeUTF(counter.getKey());
                    out.writeLong(counter.getValue());
                }
                out.writeInt(version.value().length);
                out.write(version.value());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads what {@link #encode} wrote.
     *
     * @throws IOException if the bytes are not such an encoding
     */
    public static Entry decode(byte[] encoded) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded));
        String key = in.readUTF();
        int count = in.readInt();
        requireCount(count, encoded.length);
        List<Version> versions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean tombstone = in.readBoolean();
            long timestamp = in.readLong();
            String writer = in.readUTF();
            int counters = in.readInt();
            requireCount(counters, encoded.length);
            TreeMap<String, Long> vector = new TreeMap<>();
            for (int c = 0; c < counters; c++) {
                vector.put(in.readUTF(), in.readLong());
            }
            int length = in.readInt();
            requireCount(length, encoded.length);
            byte[] value = in.readNBytes(length);
            if (value.length != length) {
                throw new IOException("truncated value of key " + key);
            }
            try {
                versions.add(new Version(value, tombstone, timestamp, writer, VersionVector.of(vector)));
            } catch (IllegalArgumentException e) {
                throw new IOException("invalid version of key " + key + ": " + e.getMessage(), e);
            }
        }
        return new Entry(key, versions);
    }

    private static void requireCount(int count, int available) throws IOException {
        if (count < 0 || count > available) {
            throw new IOException("invalid count " + count + " in an encoding of " + available + " bytes");
        }
    }
}
