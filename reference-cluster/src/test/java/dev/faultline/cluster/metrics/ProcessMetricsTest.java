package dev.faultline.cluster.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessMetricsTest {

    @Test
    void residentBytesIsTheSecondStatmFieldInPages(@TempDir Path dir) throws Exception {
        Path statm = Files.writeString(dir.resolve("statm"), "5000 300 100 1 0 200 0\n");

        assertThat(ProcessMetrics.residentBytes(statm)).isEqualTo(300 * 4096.0);
    }

    @Test
    void ioFieldReadsTheNamedLine(@TempDir Path dir) throws Exception {
        Path io = Files.writeString(dir.resolve("io"), "rchar: 10\nread_bytes: 4096\nwrite_bytes: 8192\n");

        assertThat(ProcessMetrics.ioField(io, "write_bytes")).isEqualTo(8192.0);
        assertThat(ProcessMetrics.ioField(io, "cancelled_write_bytes")).isNaN();
    }

    @Test
    void unreadableProcFileGivesNaNRatherThanAnError(@TempDir Path dir) {
        assertThat(ProcessMetrics.residentBytes(dir.resolve("missing"))).isNaN();
    }

    @Test
    void bindingRegistersCpuMemoryAndDiskMeters(@TempDir Path dir) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        new ProcessMetrics(dir).bindTo(registry);

        assertThat(registry.find("process.cpu.usage").gauge()).isNotNull();
        assertThat(registry.find("jvm.memory.used").gauges()).isNotEmpty();
        assertThat(registry.find("disk.free").gauge()).isNotNull();
    }
}
