package dev.faultline.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SampleRecorderTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final TimeRange ALL = new TimeRange(-1_000_000, 1_000_000);

    @Test
    void latencyIsEndMinusIntendedTimeInMicroseconds() {
        try (SampleRecorder recorder = new SampleRecorder(List.of("read"), Optional.empty())) {
            recorder.record("read", 100 * MS, 112 * MS, null);
            Histogram h = recorder.finish().latency("read", ALL);
            assertThat(h.getTotalCount()).isEqualTo(1);
            assertThat(h.getMaxValue()).isBetween(11_990L, 12_010L);
        }
    }

    @Test
    void anAcknowledgedWriteKeepsWhenItWasMeantToBeSentAndWhenItsAcknowledgementArrivedInWholeMilliseconds(
            @TempDir Path dir) throws Exception {
        try (SampleRecorder recorder = new SampleRecorder(List.of("write"), Optional.empty())) {
            recorder.acknowledge("write", "k1", "c0-1", 1_900_000L, 3_100_000L);
            Acknowledgements acks = recorder.finish().acknowledgements();

            assertThat(acks.entries()).containsExactly(new Acknowledgements.Ack("write", "k1", "c0-1", 1, 3));
            acks.writeJsonLines(dir.resolve("acks.jsonl"));
            assertThat(java.nio.file.Files.readString(dir.resolve("acks.jsonl")))
                    .isEqualTo("{\"request\":\"write\",\"key\":\"k1\",\"element\":\"c0-1\",\"sentAtMs\":1,\"atMs\":3}"
                            + System.lineSeparator());
        }
    }

    @Test
    void eachClientsOutcomesAreCountedPerSecondAsOkLimitedOrFailed() {
        try (SampleRecorder recorder = new SampleRecorder(List.of("read", "write"), Optional.empty())) {
            recorder.countClients(3);
            recorder.record("read", 0, 10 * MS, null, 0);
            recorder.record("write", 0, 20 * MS, null, 0);
            recorder.record("read", 0, 30 * MS, ErrorKind.STATUS_429, 0);
            recorder.record("read", 0, 40 * MS, ErrorKind.STATUS_5XX, 2);
            recorder.record("read", 0, 50 * MS, ErrorKind.TIMEOUT, 2);
            recorder.record("read", 0, 60 * MS, ErrorKind.DROPPED, 1); // never sent: no client saw it
            recorder.record("read", S, S + 10 * MS, ErrorKind.STATUS_429, 1);
            assertThat(recorder.finish().clientSeconds()).containsExactly(
                    new ClientSecond("c0", 0, 2, 1, 0),
                    new ClientSecond("c2", 0, 0, 0, 2),
                    new ClientSecond("c1", 1000, 0, 1, 0));
        }
    }

    @Test
    void aLatePartOfAClosedSecondAddsToItsClientCounts() {
        try (SampleRecorder recorder = new SampleRecorder(List.of("read"), Optional.empty())) {
            recorder.countClients(2);
            recorder.record("read", 0, 10 * MS, null, 1);
            recorder.record("read", 0, 5 * S, null, 0); // newest second 5: second 0 closes at the flush
            recorder.flush();
            recorder.record("read", 0, 20 * MS, ErrorKind.STATUS_429, 1); // a straggler for second 0
            recorder.record("read", 0, 30 * MS, null, 0);
            assertThat(recorder.finish().clientSeconds()).containsExactly(
                    new ClientSecond("c0", 0, 1, 0, 0),
                    new ClientSecond("c1", 0, 1, 1, 0),
                    new ClientSecond("c0", 5000, 1, 0, 0));
        }
    }

    @Test
    void withoutClientsCountedThereAreNoClientSeconds() {
        try (SampleRecorder recorder = new SampleRecorder(List.of("read"), Optional.empty())) {
            recorder.record("read", 0, 10 * MS, null);
            assertThat(recorder.finish().clientSeconds()).isEmpty();
        }
    }

    @Test
    void clientsCannotBeCountedOnceRecordingStarted() {
        try (SampleRecorder recorder = new SampleRecorder(List.of("read"), Optional.empty())) {
            recorder.record("read", 0, 10 * MS, null);
            assertThatThrownBy(() -> recorder.countClients(2)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void eachSampleLandsInTheSecondOfItsEndTime() {
        try (SampleRecorder recorder = new SampleRecorder(List.of("read"), Optional.empty())) {
            recorder.record("read", 0, 999 * MS, null);          // second 0
            recorder.record("read", 900 * MS, 1000 * MS, null);  // second 1: ends exactly at 1 s
            recorder.record("read", 500 * MS, 2500 * MS, null);  // second 2, though intended in second 0
            Samples samples = recorder.finish();
            assertThat(samples.outcomes("read", new TimeRange(0, 1000)).total()).isEqualTo(1);
            assertThat(samples.outcomes("read", new TimeRange(1000, 2000)).total()).isEqualTo(1);
            assertThat(samples.outcomes("read", new TimeRange(2000, 3000)).total()).isEqualTo(1);
            assertThat(samples.latency("read", new TimeRange(2000, 3000)).getMaxValue()).isGreaterThanOrEqualTo(1_999_000L);
        }
    }

    @Test
    void aRangeHoldsExactlyTheSecondsWhoseMidpointLiesInIt() {
        try (SampleRecorder recorder = new SampleRecorder(List.of("read"), Optional.empty())) {
            for (int second = 0; second < 5; second++) {
                for (int i = 0; i <= second; i++) { // second s holds s + 1 samples
                    recorder.record("read", second * S, second * S + 10 * MS, null);
                }
            }
            Samples samples = recorder.finish();
            assertThat(samples.outcomes("read", new TimeRange(1500, 3500)).total()).isEqualTo(2 + 3); // midpoints 1.5 s, 2.5 s
            assertThat(samples.outcomes("read", new TimeRange(1501, 3500)).total()).isEqualTo(3);
            assertThat(samples.outcomes("read", new TimeRange(1000, 1500)).total()).isZero();
            assertThat(samples.outcomes("read", new TimeRange(400, 4600)).total()).isEqualTo(15);
            assertThat(samples.latency("read", new TimeRange(1500, 3500)).getTotalCount()).isEqualTo(5);
        }
    }

    @Test
    void outcomesCountOkAndErrorsByKindPerRequestAndForAllRequests() {
        try (SampleRecorder recorder = new SampleRecorder(List.of("read", "write"), Optional.empty())) {
            recorder.record("read", 0, MS, null);
            recorder.record("read", 0, MS, null);
            recorder.record("read", 0, MS, ErrorKind.STATUS_5XX);
            recorder.record("write", 0, MS, ErrorKind.STATUS_429);
            recorder.record("write", 0, 2 * S, ErrorKind.TIMEOUT);
            Samples samples = recorder.finish();
            assertThat(samples.requestNames()).containsExactly("read", "write");
            assertThat(samples.outcomes("read", ALL)).isEqualTo(new Outcomes(3, 2, Map.of(ErrorKind.STATUS_5XX, 1L)));
            assertThat(samples.outcomes("write", ALL))
                    .isEqualTo(new Outcomes(2, 0, Map.of(ErrorKind.STATUS_429, 1L, ErrorKind.TIMEOUT, 1L)));
            assertThat(samples.outcomes(null, ALL).total()).isEqualTo(5);
            assertThat(samples.latency(null, ALL).getTotalCount()).isEqualTo(5);
        }
    }

    @Test
    void aDroppedArrivalCountsAsAnErrorWithoutALatency() {
        try (SampleRecorder recorder = new SampleRecorder(List.of("read"), Optional.empty())) {
            recorder.record("read", 0, 10 * MS, null);
            recorder.record("read", 5 * MS, 5 * MS, ErrorKind.DROPPED);
            Samples samples = recorder.finish();
            assertThat(samples.outcomes("read", ALL)).isEqualTo(new Outcomes(2, 1, Map.of(ErrorKind.DROPPED, 1L)));
            assertThat(samples.latency("read", ALL).getTotalCount()).isEqualTo(1);
        }
    }

    @Test
    void aLateSampleForAnAlreadyClosedSecondIsMergedIntoIt() {
        try (SampleRecorder recorder = new SampleRecorder(List.of("read"), Optional.empty())) {
            recorder.record("read", 0, 100 * MS, null);
            recorder.record("read", 9 * S, 9 * S + MS, null);
            recorder.flush(); // closes second 0
            recorder.record("read", 0, 200 * MS, ErrorKind.RESET);
            Samples samples = recorder.finish();
            assertThat(samples.outcomes("read", new TimeRange(0, 1000)))
                    .isEqualTo(new Outcomes(2, 1, Map.of(ErrorKind.RESET, 1L)));
            assertThat(samples.latency("read", new TimeRange(0, 1000)).getTotalCount()).isEqualTo(2);
        }
    }

    @Test
    void secondsListEveryRequestForEverySecondIncludingQuietOnes() {
        try (SampleRecorder recorder = new SampleRecorder(List.of("read", "write"), Optional.empty())) {
            recorder.record("read", 0, 20 * MS, null);
            recorder.record("write", 2 * S, 2 * S + 40 * MS, null);
            List<SecondStats> seconds = recorder.finish().seconds();
            assertThat(seconds).extracting(SecondStats::request, SecondStats::startMs)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("read", 0L), org.assertj.core.groups.Tuple.tuple("write", 0L),
                            org.assertj.core.groups.Tuple.tuple("read", 1000L), org.assertj.core.groups.Tuple.tuple("write", 1000L),
                            org.assertj.core.groups.Tuple.tuple("read", 2000L), org.assertj.core.groups.Tuple.tuple("write", 2000L));
            assertThat(seconds.get(0).p99Ms()).isBetween(19.9, 20.1);
            assertThat(seconds.get(2).outcomes().total()).isZero();
            assertThat(seconds.get(5).maxMs()).isBetween(39.9, 40.1);
        }
    }

    @Test
    void theHlogIsReadableByHdrHistogramAndHoldsEveryLatency(@TempDir Path dir) throws Exception {
        Path hlog = dir.resolve("latency.hlog");
        try (SampleRecorder recorder = new SampleRecorder(List.of("read", "write"), Optional.of(hlog),
                Instant.parse("2030-01-01T00:00:00Z"))) {
            for (int i = 0; i < 300; i++) {
                recorder.record(i % 3 == 0 ? "write" : "read", i * 10 * MS, i * 10 * MS + 5 * MS, null);
            }
            recorder.record("read", 0, MS, ErrorKind.DROPPED); // no latency, not in the log
            recorder.finish();
        }
        long total = 0;
        long untagged = 0;
        long writes = 0;
        List<Double> starts = new ArrayList<>();
        try (HistogramLogReader reader = new HistogramLogReader(hlog.toFile())) {
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                Histogram histogram = (Histogram) h;
                total += histogram.getTag() == null ? 0 : histogram.getTotalCount();
                untagged += histogram.getTag() == null ? histogram.getTotalCount() : 0;
                writes += "write".equals(histogram.getTag()) ? histogram.getTotalCount() : 0;
                starts.add(h.getStartTimeStamp() / 1000.0 - reader.getStartTimeSec());
            }
            assertThat(reader.getStartTimeSec()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z").getEpochSecond());
        }
        assertThat(total).isEqualTo(300);
        assertThat(untagged).as("the all-requests lines").isEqualTo(300);
        assertThat(writes).isEqualTo(100);
        assertThat(starts).containsExactlyInAnyOrder(0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0);
    }

    @Test
    @Timeout(30)
    void recordingFromManyThreadsWhileFlushingLosesNothing() throws Exception {
        int threads = 4;
        int perThread = 200_000;
        try (SampleRecorder recorder = new SampleRecorder(List.of("read"), Optional.empty())) {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < perThread; i++) {
                        long end = i * 50_000L; // 20 s of samples, 20 k per second per thread
                        recorder.record("read", end - MS, end, null);
                    }
                });
                worker.start();
                workers.add(worker);
            }
            start.countDown();
            while (workers.stream().anyMatch(Thread::isAlive)) {
                recorder.flush();
                Thread.sleep(1);
            }
            Samples samples = recorder.finish();
            assertThat(samples.outcomes("read", ALL).total()).isEqualTo((long) threads * perThread);
            assertThat(samples.latency("read", ALL).getTotalCount()).isEqualTo((long) threads * perThread);
            assertThat(samples.outcomes("read", new TimeRange(3000, 4000)).total()).isEqualTo(threads * 20_000L);
        }
    }

    @Test
    void onlyTheLastFewSecondsStayOpenWhileTheRunGoesOn() {
        try (SampleRecorder recorder = new SampleRecorder(List.of("read"), Optional.empty())) {
            for (long second = 0; second < 600; second++) {
                for (int i = 0; i < 100; i++) {
                    recorder.record("read", second * S + i * 10 * MS, second * S + i * 10 * MS + MS, null);
                }
                recorder.flush();
                assertThat(recorder.openIntervals()).isLessThanOrEqualTo(3);
            }
            assertThat(recorder.finish().outcomes("read", ALL).total()).isEqualTo(60_000);
        }
    }

    @Test
    void recordingAnUnknownRequestNameFailsAndNamesTheKnownOnes() {
        try (SampleRecorder recorder = new SampleRecorder(List.of("read"), Optional.empty())) {
            assertThatThrownBy(() -> recorder.record("raed", 0, 1, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'raed'").hasMessageContaining("[read]");
        }
    }
}
