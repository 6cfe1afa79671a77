package dev.faultline.cluster.store.wal;

import dev.faultline.cluster.store.version.VersionCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's write-ahead log, {@code wal.log} in its data directory: records of {@code [length][crc32c][entry]}
 * appended by one writer thread. Under {@link SyncMode#FORCE_BEFORE_ACK} the writer batches what is waiting,
 * writes it, forces it to disk, and only then completes each append (group commit). Under
 * {@link SyncMode#BACKGROUND} appends complete at once and the writer writes and forces every 100 ms.
 */
public final class WriteAheadLog implements EntryLog {
    private static final Logger LOG = LoggerFactory.getLogger(WriteAheadLog.class);
    private static final long BACKGROUND_FLUSH_MS = 100;
    private static final int HEADER_BYTES = 2 * Integer.BYTES;

    /** When an append is acknowledged. */
    public enum SyncMode { FORCE_BEFORE_ACK, BACKGROUND }

    private record Pending(byte[] record, CompletableFuture<Void> written) {
    }

    private final Path file;
    private final FileChannel channel;
    private final SyncMode mode;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;
    private volatile CompletableFuture<Void> lastAppend = CompletableFuture.completedFuture(null);

    private WriteAheadLog(Path file, FileChannel channel, SyncMode mode, String node) {
        this.file = file;
        this.channel = channel;
        this.mode = mode;
        this.writer = new Thread(this::writeLoop, "store-" + node + "-wal");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Opens (creating if needed) the log in {@code dataDir}, hands every intact record to {@code replay} in order,
     * cuts off a torn or corrupt tail, and returns the log ready for appends after the last intact record.
     *
     * @throws UncheckedIOException naming the file if it cannot be read or written
     */
    public static WriteAheadLog open(Path dataDir, SyncMode mode, String node, Consumer<VersionCodec.Entry> replay) {
        Path file = dataDir.resolve("wal.log");
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            long intact = WalReader.replay(channel, file, replay);
            if (intact < channel.size()) {
                LOG.warn("{}: cutting {} bytes of a torn or corrupt tail after offset {}", file, channel.size() - intact, intact);
                channel.truncate(intact);
                channel.force(true);
            }
            channel.position(intact);
            return new WriteAheadLog(file, channel, mode, node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the write-ahead log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<Void> append(VersionCodec.Entry entry) {
        if (closed) {
            return CompletableFuture.failedFuture(new IOException("the write-ahead log " + file + " is closed"));
        }
        Pending pending = new Pending(VersionCodec.encode(entry.key(), entry.versions()), new CompletableFuture<>());
        synchronized (queue) {
            queue.add(pending);
            lastAppend = pending.written();
        }
        return mode == SyncMode.FORCE_BEFORE_ACK ? pending.written() : CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> barrier() {
        return mode == SyncMode.FORCE_BEFORE_ACK ? lastAppend : CompletableFuture.completedFuture(null);
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                if (mode == SyncMode.BACKGROUND) {
                    Thread.sleep(BACKGROUND_FLUSH_MS);
                } else {
                    Pending first = queue.poll(BACKGROUND_FLUSH_MS, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                }
            } catch (InterruptedException e) {
                closed = true;
            }
            queue.drainTo(batch);
            if (!batch.isEmpty()) {
                writeAndForce(batch);
                batch.clear();
            }
        }
    }

    private void writeAndForce(List<Pending> batch) {
        try {
            for (Pending pending : batch) {
                channel.write(frame(pending.record()));
            }
            channel.force(false);
            batch.forEach(pending -> pending.written().complete(null));
        } catch (IOException e) {
            LOG.error("cannot write the write-ahead log {}", file, e);
            IOException failure = new IOException("cannot write the write-ahead log " + file + ": " + e.getMessage(), e);
            batch.forEach(pending -> pending.written().completeExceptionally(failure));
        }
    }

    private static ByteBuffer frame(byte[] record) {
        CRC32C crc = new CRC32C();
        crc.update(record);
        ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + record.length);
        frame.putInt(record.length).putInt((int) crc.getValue()).put(record).flip();
        return frame;
    }

    /** Writes and forces what is waiting, then closes the file. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(5_000);
            channel.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("cannot close the write-ahead log {}", file, e);
        }
    }
}
