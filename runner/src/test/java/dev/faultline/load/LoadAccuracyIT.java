package dev.faultline.load;

import static dev.faultline.load.LoadGeneratorIT.load;
import static dev.faultline.load.LoadGeneratorIT.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.plan.LoadSpec;
import dev.faultline.plan.RequestSpec;
import dev.faultline.sample.RunClock;
import dev.faultline.sample.SampleRecorder;
import dev.faultline.sample.Samples;
import dev.faultline.sample.TimeRange;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The generator as a measuring instrument, against a Netty test server on 127.0.0.1 whose behaviour is known: the
 * latencies it reports are the ones the server imposed, a stall shows in every request intended during it, and it
 * sends exactly the arrivals it was asked for. Only lower bounds on time are asserted (the machine is shared).
 */
class LoadAccuracyIT {
    private static final TimeRange ALL = new TimeRange(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);

    @Test
    @Timeout(30)
    void medianLatencyMatchesAKnownTwentyMillisecondServiceTimeWithinAMillisecond() throws Exception {
        try (TestHttpServer server = TestHttpServer.answering(200).delayingEveryResponse(20)) {
            Samples samples = run(load(List.of(request("read", "/", List.of())), 100, 4, null, null), server.uri());

            Histogram latency = samples.latency("read", ALL);
            assertThat(latency.getTotalCount()).isEqualTo(400);
            System.out.printf("20 ms service time, 100/s for 4 s: p50 %d us, p99 %d us%n",
                    latency.getValueAtPercentile(50), latency.getValueAtPercentile(99));
            assertThat(latency.getValueAtPercentile(50)).isBetween(20_000L, 21_000L);
        }
    }

    @Test
    @Timeout(40)
    void aOneSecondStallShowsInAboutFivePercentOfTenSecondsAt100PerSecond() throws Exception {
        try (TestHttpServer server = TestHttpServer.answering(200)) {
            server.stallOnce(300, 1000); // at ~3 s
            Samples samples = run(load(List.of(request("read", "/", List.of())), 100, 10, null, null), server.uri());

            Histogram latency = samples.latency("read", ALL);
            assertThat(latency.getTotalCount()).isEqualTo(1000);
            // the requests intended in the stall's first half wait at least 0.5 s: about 50, not the 1 a closed loop shows
            long slow = latency.getCountBetweenValues(500_000L, Long.MAX_VALUE / 4);
            System.out.printf("1 s stall in 10 s at 100/s: %d of %d requests >= 500 ms, p99 %d us, max %d us%n",
                    slow, latency.getTotalCount(), latency.getValueAtPercentile(99), latency.getMaxValue());
            assertThat(slow).isBetween(45L, 60L);
            assertThat(latency.getValueAtPercentile(99)).isGreaterThanOrEqualTo(850_000L);
            assertThat(latency.getMaxValue()).isGreaterThanOrEqualTo(950_000L);
        }
    }

    @Test
    @Timeout(40)
    void tenSecondsAt500PerSecondSendFiveThousandRequests() throws Exception {
        try (TestHttpServer server = TestHttpServer.answering(200)) {
            Samples samples = run(load(List.of(request("read", "/", List.of())), 500, 10, null, null), server.uri());

            assertThat(samples.outcomes("read", ALL).total()).isBetween(4995L, 5005L);
            assertThat(server.requests()).isBetween(4995L, 5005L);
        }
    }

    private static Samples run(LoadSpec spec, URI uri) throws InterruptedException {
        List<String> names = spec.requests().stream().map(RequestSpec::name).toList();
        try (SampleRecorder recorder = new SampleRecorder(names, Optional.empty());
                LoadGenerator generator = new LoadGenerator(spec, uri, 3, RunClock.startNow(), recorder)) {
            generator.run();
            return recorder.finish();
        }
    }
}
