package dev.faultline.observe;

import dev.faultline.targets.Component;
import dev.faultline.targets.ProcessControl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Samples the CPU, memory and disk use of every target component that is its own process, once a second, from
 * {@code /proc} and the component's folder. A component whose process is gone (crashed, not yet restarted) has no
 * sample for that second; after a restart CPU is counted from the new process. Where there is no {@code /proc}
 * nothing is sampled.
 */
public final class ProcessResources implements AutoCloseable {
    private static final long INTERVAL_MS = 1_000;

    private final List<Watched> watched;
    private final LongSupplier clockMs;
    private final ProcFiles proc;
    private final long ticksPerSecond;
    private final ScheduledExecutorService timer;

    ProcessResources(List<Watched> watched, LongSupplier clockMs, ProcFiles proc, long ticksPerSecond) {
        this.watched = List.copyOf(watched);
        this.clockMs = clockMs;
        this.proc = proc;
        this.ticksPerSecond = ticksPerSecond;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "faultline-process-resources");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts sampling every component with {@link Component#processControl()} present; {@code clockMs} gives the
     * run's time (ms since time zero) that each sample is stamped with.
     */
    public static ProcessResources start(Map<String, Component> components, LongSupplier clockMs) {
        List<Watched> watched = new ArrayList<>();
        components.values().forEach(c -> c.processControl()
                .ifPresent(control -> watched.add(Watched.of(c.name(), control))));
        ProcessResources resources = new ProcessResources(watched, clockMs, ProcFiles.system(),
                watched.isEmpty() ? 0 : ProcFiles.clockTicksPerSecond());
        resources.begin();
        return resources;
    }

    void begin() {
        if (!watched.isEmpty()) {
            timer.scheduleAtFixedRate(this::sampleAll, 0, INTERVAL_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** One round of samples (the timer calls it every second). */
    void sampleAll() {
        long tMs = clockMs.getAsLong();
        long nanos = System.nanoTime();
        for (Watched w : watched) {
            w.sample(tMs, nanos, proc, ticksPerSecond);
        }
    }

    /** Stops sampling and returns what was sampled, one series per process-backed component. */
    public List<ProcessSeries> stop() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return watched.stream().map(Watched::series).toList();
    }

    @Override
    public void close() {
        stop();
    }

    /** One process under watch and what it has shown so far; touched only by the timer thread until stopped. */
    static final class Watched {
        private final String name;
        private final LongSupplier pid;
        private final Path dir;
        private final List<ProcessSeries.Point> points = new ArrayList<>();
        private long lastPid = -1;
        private long lastTicks;
        private long lastNanos;

        Watched(String name, LongSupplier pid, Path dir) {
            this.name = name;
            this.pid = pid;
            this.dir = dir;
        }

        static Watched of(String name, ProcessControl control) {
            return new Watched(name, control::pid, control.dataDir());
        }

        synchronized void sample(long tMs, long nanos, ProcFiles proc, long ticksPerSecond) {
            long current = pid.getAsLong();
            OptionalLong ticks = proc.cpuTicks(current);
            OptionalLong rss = proc.rssBytes(current);
            if (ticks.isEmpty() || rss.isEmpty()) {
                lastPid = -1;
                return;
            }
            boolean sameProcess = current == lastPid;
            double cpuSeconds = (ticks.getAsLong() - lastTicks) / (double) ticksPerSecond;
            double wallSeconds = (nanos - lastNanos) / 1e9;
            lastPid = current;
            lastTicks = ticks.getAsLong();
            lastNanos = nanos;
            if (sameProcess && wallSeconds > 0) {
                points.add(new ProcessSeries.Point(tMs, Math.max(0, 100.0 * cpuSeconds / wallSeconds), rss.getAsLong(),
                        ProcFiles.folderBytes(dir)));
            }
        }

        synchronized ProcessSeries series() {
            return new ProcessSeries(name, lastPid >= 0 ? lastPid : pid.getAsLong(), points);
        }
    }
}
