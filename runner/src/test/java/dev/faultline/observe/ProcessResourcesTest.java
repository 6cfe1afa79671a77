package dev.faultline.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessResourcesTest {
    @TempDir
    Path dir;

    private static final String STAT = "4242 (java (my) app) S 1 4242 4242 0 -1 4194560 32 0 0 0 %d %d 0 0 20 0 "
            + "30 0 12345 7000000000 80000 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";

    private ProcFiles fakeProc(long utime, long stime, long rssKb) throws Exception {
        Path pid = Files.createDirectories(dir.resolve("proc/4242"));
        Files.writeString(pid.resolve("stat"), String.format(STAT, utime, stime));
        Files.writeString(pid.resolve("status"), "Name:\tjava\nVmPeak:\t 999999 kB\nVmRSS:\t  " + rssKb + " kB\n");
        return new ProcFiles(dir.resolve("proc"));
    }

    @Test
    void cpuTimeIsUserPlusSystemTicksEvenWhenTheCommandHoldsSpacesAndParentheses() throws Exception {
        assertThat(fakeProc(150, 50, 1).cpuTicks(4242)).hasValue(200);
    }

    @Test
    void residentMemoryIsVmRssInBytes() throws Exception {
        assertThat(fakeProc(0, 0, 2048).rssBytes(4242)).hasValue(2048L * 1024);
    }

    @Test
    void aProcessThatIsGoneHasNothingToRead() throws Exception {
        ProcFiles proc = fakeProc(1, 1, 1);
        assertThat(proc.cpuTicks(999_999)).isEmpty();
        assertThat(proc.rssBytes(999_999)).isEmpty();
    }

    @Test
    void folderSizeCountsEveryFileBelowIt() throws Exception {
        Path data = Files.createDirectories(dir.resolve("n1/data"));
        Files.write(data.resolve("wal-0001"), new byte[3000]);
        Files.write(dir.resolve("n1/n1.log"), new byte[500]);
        assertThat(ProcFiles.folderBytes(dir.resolve("n1"))).isEqualTo(3500);
        assertThat(ProcFiles.folderBytes(dir.resolve("missing"))).isZero();
    }

    @Test
    void cpuPercentIsTicksUsedPerWallClockTimeAndTheFirstSampleIsOnlyABaseline() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("n1"));
        Files.write(folder.resolve("data"), new byte[1234]);
        ProcessResources.Watched watched = new ProcessResources.Watched("n1", () -> 4242, folder);
        watched.sample(0, 0, fakeProc(100, 0, 1000), 100);
        watched.sample(1000, 2_000_000_000L, fakeProc(150, 50, 1100), 100);
        ProcessSeries series = watched.series();
        assertThat(series.component()).isEqualTo("n1");
        assertThat(series.pid()).isEqualTo(4242);
        assertThat(series.points()).containsExactly(new ProcessSeries.Point(1000, 50.0, 1100L * 1024, 1234));
    }

    @Test
    void aRestartedProcessStartsANewBaselineRatherThanANegativeCpuTime() throws Exception {
        AtomicLong pid = new AtomicLong(4242);
        ProcessResources.Watched watched = new ProcessResources.Watched("n1", pid::get, dir);
        watched.sample(0, 0, fakeProc(500, 0, 1), 100);
        pid.set(999_999);
        watched.sample(1000, 1_000_000_000L, fakeProc(500, 0, 1), 100);
        pid.set(4242);
        watched.sample(2000, 2_000_000_000L, fakeProc(10, 0, 1), 100);
        watched.sample(3000, 3_000_000_000L, fakeProc(60, 0, 1), 100);
        assertThat(watched.series().points()).extracting(ProcessSeries.Point::tMs).containsExactly(3000L);
        assertThat(watched.series().points().get(0).cpuPercent()).isEqualTo(50.0);
    }

    @Test
    void samplesThisVeryJvmFromTheRealProc() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "no /proc on this system");
        long self = ProcessHandle.current().pid();
        ProcessResources resources = new ProcessResources(
                List.of(new ProcessResources.Watched("self", () -> self, dir)), () -> 0L, ProcFiles.system(),
                ProcFiles.clockTicksPerSecond());
        resources.sampleAll();
        long sum = 0;
        for (int i = 0; i < 20_000_000; i++) {
            sum += i % 7;
        }
        resources.sampleAll();
        List<ProcessSeries> series = resources.stop();
        assertThat(sum).isPositive();
        assertThat(series).singleElement().satisfies(s -> {
            assertThat(s.pid()).isEqualTo(self);
            assertThat(s.points()).singleElement().satisfies(p -> {
                assertThat(p.rssBytes()).as("a JVM's resident memory").isGreaterThan(1024L * 1024);
                assertThat(p.cpuPercent()).isGreaterThanOrEqualTo(0);
            });
        });
    }
}
