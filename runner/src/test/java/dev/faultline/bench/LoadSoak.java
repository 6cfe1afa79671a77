package dev.faultline.bench;

import dev.faultline.load.LoadGenerator;
import dev.faultline.load.LoadSummary;
import dev.faultline.plan.LoadSpec;
import dev.faultline.plan.Rate;
import dev.faultline.plan.RateRamp;
import dev.faultline.plan.RequestSpec;
import dev.faultline.plan.Stage;
import dev.faultline.sample.RunClock;
import dev.faultline.sample.SampleRecorder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Soak benchmark, not a test: drives {@code RATE}/s of GET / against {@code URL} for {@code MINUTES}, recording into a
 * {@link SampleRecorder} with an .hlog, and prints the heap used after a full GC every 30 s. Memory is flat when those
 * figures stay level over the run. Arguments: URL RATE MINUTES. See bench/soak.sh.
 */
public final class LoadSoak {
    private LoadSoak() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        double rate = Double.parseDouble(args[1]);
        int minutes = Integer.parseInt(args[2]);
        LoadSpec spec = new LoadSpec(null, List.of(new Stage(Duration.ofMinutes(minutes), RateRamp.constant(new Rate(rate)))),
                null, 20, null, null, List.of(new RequestSpec("get", 1, "GET", "/", null, null, null, null)),
                null, null, Duration.ZERO);
        Path hlog = Files.createTempFile("faultline-soak", ".hlog");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        RunClock clock = RunClock.startNow();
        sampler.scheduleAtFixedRate(() -> {
            System.gc();
            System.out.printf("t=%4ds heap-used-after-gc=%6.1f MB%n", clock.millisNow() / 1000,
                    memory.getHeapMemoryUsage().getUsed() / 1048576.0);
        }, 0, 30, TimeUnit.SECONDS);
        try (SampleRecorder recorder = new SampleRecorder(List.of("get"), Optional.of(hlog), clock.startedAt());
                LoadGenerator generator = new LoadGenerator(spec, url, 1, clock, recorder)) {
            LoadSummary summary = generator.run();
            recorder.finish();
            System.out.printf("sent %d, completed %d, dropped %d, achieved %.1f/s; hlog %s (%d KB)%n", summary.sent(),
                    summary.completed(), summary.dropped(), summary.achievedRate(), hlog, Files.size(hlog) / 1024);
        } finally {
            sampler.shutdownNow();
        }
    }
}
