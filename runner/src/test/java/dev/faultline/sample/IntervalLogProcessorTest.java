package dev.faultline.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.HistogramLogProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The recorder's .hlog read back by HdrHistogram's own HistogramLogProcessor, as a user would from the shell. */
class IntervalLogProcessorTest {
    private static final long MS = 1_000_000L;

    @Test
    @Timeout(20)
    void histogramLogProcessorReadsAllRequestsUntaggedAndOneRequestByTag(@TempDir Path dir) throws Exception {
        Path hlog = dir.resolve("latency.hlog");
        try (SampleRecorder recorder = new SampleRecorder(List.of("read", "write"), Optional.of(hlog))) {
            for (int i = 0; i < 300; i++) {
                long intended = i * 10 * MS; // 3 s at 100/s: reads take 2 ms, writes 40 ms
                recorder.record("read", intended, intended + 2 * MS, null);
                if (i % 3 == 0) {
                    recorder.record("write", intended, intended + 40 * MS, null);
                }
            }
            recorder.finish();
        }

        String all = process(hlog, dir.resolve("all"), List.of());
        String writes = process(hlog, dir.resolve("write"), List.of("-tag", "write"));

        assertThat(totalCount(all)).isEqualTo(400);
        assertThat(totalCount(writes)).isEqualTo(100);
        assertThat(maxMillis(writes)).isBetween(39.9, 40.1);
        assertThat(maxMillis(all)).isBetween(39.9, 40.1);
    }

    /**
     * Runs HistogramLogProcessor -i hlog -o out -outputValueUnitRatio 1000 [args] (values are microseconds; the
     * ratio prints milliseconds) and returns its percentile distribution (out.hgrm).
     */
    private static String process(Path hlog, Path out, List<String> more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("-i", hlog.toString(), "-o", out.toString(),
                "-outputValueUnitRatio", "1000"));
        args.addAll(more);
        HistogramLogProcessor processor = new HistogramLogProcessor(args.toArray(String[]::new));
        processor.start();
        processor.join();
        Path hgrm = Path.of(out + ".hgrm");
        assertThat(hgrm).exists();
        return Files.readString(hgrm);
    }

    private static long totalCount(String hgrm) {
        return Long.parseLong(field(hgrm, "Total count    =").replaceAll("[^0-9].*", ""));
    }

    private static double maxMillis(String hgrm) {
        return Double.parseDouble(field(hgrm, "#[Max     =").split(",")[0].strip());
    }

    private static String field(String text, String label) {
        int at = text.indexOf(label);
        assertThat(at).as("'%s' in%n%s", label, text).isNotNegative();
        return text.substring(at + label.length()).strip();
    }
}
