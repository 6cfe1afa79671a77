package dev.faultline.cluster.store.wal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.store.version.Version;
import dev.faultline.cluster.store.version.VersionCodec;
import dev.faultline.cluster.store.version.VersionVector;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WriteAheadLogTest {
    @TempDir
    Path dir;

    @Test
    void forcedAppendsAreReplayedInOrderAfterReopening() throws Exception {
        try (WriteAheadLog log = WriteAheadLog.open(dir, WriteAheadLog.SyncMode.FORCE_BEFORE_ACK, "n1", entry -> { })) {
            for (int i = 0; i < 10; i++) {
                log.append(entry("k" + i, "v" + i)).get(5, TimeUnit.SECONDS);
            }
        }

        assertThat(replay()).containsExactly("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9");
    }

    @Test
    void backgroundAppendsAreWrittenByCloseAtTheLatest() throws Exception {
        try (WriteAheadLog log = WriteAheadLog.open(dir, WriteAheadLog.SyncMode.BACKGROUND, "n1", entry -> { })) {
            assertThat(log.append(entry("k", "v"))).isCompleted();
        }

        assertThat(replay()).containsExactly("k");
    }

    @Test
    void aTornTailIsCutOffAndLaterAppendsFollowTheLastIntactRecord() throws Exception {
        try (WriteAheadLog log = WriteAheadLog.open(dir, WriteAheadLog.SyncMode.FORCE_BEFORE_ACK, "n1", entry -> { })) {
            log.append(entry("intact", "v")).get(5, TimeUnit.SECONDS);
            log.append(entry("torn", "v")).get(5, TimeUnit.SECONDS);
        }
        Path file = dir.resolve("wal.log");
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.setLength(Files.size(file) - 2);
        }

        try (WriteAheadLog log = WriteAheadLog.open(dir, WriteAheadLog.SyncMode.FORCE_BEFORE_ACK, "n1", entry -> { })) {
            log.append(entry("after", "v")).get(5, TimeUnit.SECONDS);
        }

        assertThat(replay()).containsExactly("intact", "after");
    }

    @Test
    void aCorruptRecordEndsTheReplay() throws Exception {
        try (WriteAheadLog log = WriteAheadLog.open(dir, WriteAheadLog.SyncMode.FORCE_BEFORE_ACK, "n1", entry -> { })) {
            log.append(entry("first", "v")).get(5, TimeUnit.SECONDS);
            log.append(entry("second", "v")).get(5, TimeUnit.SECONDS);
        }
        Path file = dir.resolve("wal.log");
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            long last = Files.size(file) - 1;
            raw.seek(last);
            int flipped = raw.read() ^ 0xFF;
            raw.seek(last);
            raw.write(flipped);
        }

        assertThat(replay()).containsExactly("first");
    }

    private List<String> replay() {
        List<String> keys = new ArrayList<>();
        WriteAheadLog.open(dir, WriteAheadLog.SyncMode.FORCE_BEFORE_ACK, "n1", entry -> keys.add(entry.key())).close();
        return keys;
    }

    private static VersionCodec.Entry entry(String key, String value) {
        return new VersionCodec.Entry(key, List.of(new Version(value.getBytes(UTF_8), false, 1, "n1", VersionVector.EMPTY)));
    }
}
