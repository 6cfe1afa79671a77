package dev.faultline.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveSecondTest {
    private static final long MS = 1_000_000L;

    @Test
    void theLiveViewOfASecondCountsItsSentRequestsFailuresAndP99WhileRecording() {
        try (SampleRecorder recorder = new SampleRecorder(List.of("read", "write"), Optional.empty())) {
            for (int i = 0; i < 100; i++) {
                recorder.record(i % 2 == 0 ? "read" : "write", 1000 * MS + i * MS, 1000 * MS + i * MS + (i + 1) * MS,
                        i < 3 ? ErrorKind.STATUS_5XX : null);
            }
            recorder.record("read", 0, 10 * MS, ErrorKind.TIMEOUT); // second 0
            recorder.record("read", 1500 * MS, 1500 * MS, ErrorKind.DROPPED); // not sent: no request of second 1

            LiveSecond second1 = recorder.liveSecond(1);
            assertThat(second1.requests()).isEqualTo(100);
            assertThat(second1.errors()).isEqualTo(3);
            assertThat(second1.p99Micros()).isBetween(98_900L, 99_100L);
            assertThat(second1.errorsSoFar()).isEqualTo(5);
            assertThat(recorder.liveSecond(5).requests()).isZero();
        }
    }
}
