package dev.faultline.cluster.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.DiskSpaceMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The resource use of this process: CPU (use and seconds used; system), JVM memory and threads, open files, uptime, the
 * resident set size and the bytes the process read from and wrote to disk (from {@code /proc/self}, where there is
 * one), and the free and total space of the disk holding {@code dataDir}.
 */
public final class ProcessMetrics implements MeterBinder {
    private static final Path STATM = Path.of("/proc/self/statm");
    private static final Path IO = Path.of("/proc/self/io");
    private static final long PAGE_SIZE = 4096;

    private final File dataDir;

    /** @param dataDir the directory whose disk is reported, e.g. a store node's data directory */
    public ProcessMetrics(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().toFile();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        // names that pass promtool's lint: no "_count" on a gauge, CPU time in seconds rather than "_ns"
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")));
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpu.cores") : id;
            }
        });
        new ProcessorMetrics().bindTo(registry);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0) {
            FunctionCounter.builder("process.cpu", os, bean -> bean.getProcessCpuTime() / 1e9)
                    .description("CPU time the process has used")
                    .baseUnit("seconds")
                    .register(registry);
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new DiskSpaceMetrics(dataDir).bindTo(registry);
        if (Files.isReadable(STATM)) {
            Gauge.builder("process.resident.memory", STATM, ProcessMetrics::residentBytes)
                    .description("Resident set size of the process")
                    .baseUnit("bytes")
                    .register(registry);
        }
        if (Files.isReadable(IO)) {
            FunctionCounter.builder("process.disk.read", IO, io -> ioField(io, "read_bytes"))
                    .description("Bytes the process caused to be read from storage")
                    .baseUnit("bytes")
                    .register(registry);
            FunctionCounter.builder("process.disk.written", IO, io -> ioField(io, "write_bytes"))
                    .description("Bytes the process caused to be written to storage")
                    .baseUnit("bytes")
                    .register(registry);
        }
    }

    /** The second field of /proc/self/statm is the resident set in pages. */
    static double residentBytes(Path statm) {
        try {
            String[] fields = Files.readString(statm).trim().split("\\s+");
            return Long.parseLong(fields[1]) * PAGE_SIZE;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** A {@code name: value} line of /proc/self/io. */
    static double ioField(Path io, String name) {
        try {
            List<String> lines = Files.readAllLines(io);
            for (String line : lines) {
                if (line.startsWith(name + ":")) {
                    return Long.parseLong(line.substring(name.length() + 1).trim());
                }
            }
            return Double.NaN;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
