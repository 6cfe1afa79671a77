package dev.faultline.cluster.store.wal;

import dev.faultline.cluster.store.version.VersionCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the records of a write-ahead log from the start, stopping at the first torn or corrupt one. */
final class WalReader {
    private static final Logger LOG = LoggerFactory.getLogger(WalReader.class);
    private static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;

    private WalReader() {
    }

    /** Hands each intact record to {@code replay}; returns the offset just after the last intact one. */
    static long replay(FileChannel channel, Path file, Consumer<VersionCodec.Entry> replay) throws IOException {
        long offset = 0;
        long size = channel.size();
        ByteBuffer header = ByteBuffer.allocate(2 * Integer.BYTES);
        int records = 0;
        while (offset + header.capacity() <= size) {
            header.clear();
            channel.read(header, offset);
            header.flip();
            int length = header.getInt();
            int expectedCrc = header.getInt();
            if (length < 0 || length > MAX_RECORD_BYTES || offset + header.capacity() + length > size) {
                break;
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            channel.read(body, offset + header.capacity());
            CRC32C crc = new CRC32C();
            crc.update(body.array());
            if ((int) crc.getValue() != expectedCrc) {
                break;
            }
            try {
                replay.accept(VersionCodec.decode(body.array()));
            } catch (IOException e) {
                break;
            }
            offset += header.capacity() + length;
            records++;
        }
        LOG.info("{}: replayed {} records", file, records);
        return offset;
    }
}
