package dev.faultline.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.faultline.plan.LoadSpec;
import dev.faultline.plan.Rate;
import dev.faultline.plan.RateRamp;
import dev.faultline.plan.RequestSpec;
import dev.faultline.plan.Stage;
import dev.faultline.sample.ErrorKind;
import dev.faultline.sample.Outcomes;
import dev.faultline.sample.RunClock;
import dev.faultline.sample.SampleRecorder;
import dev.faultline.sample.Samples;
import dev.faultline.sample.SecondStats;
import dev.faultline.sample.TimeRange;
import io.netty.handler.codec.http.FullHttpRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The load generator against a tiny Netty server on 127.0.0.1: every test is bounded in requests and time. */
class LoadGeneratorIT {
    private static final TimeRange ALL = new TimeRange(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);

    record Result(LoadSummary summary, Samples samples) {
    }

    @Test
    @Timeout(20)
    void countsOkAnd4xxAnd5xxByWhatEachRequestExpects() throws Exception {
        try (TestHttpServer server = new TestHttpServer(path -> switch (path) {
            case "/missing" -> 404;
            case "/broken" -> 503;
            case "/created" -> 201;
            default -> 200;
        })) {
            List<RequestSpec> mix = List.of(
                    request("ok", "/ok", List.of()),
                    request("missing", "/missing", List.of()),
                    request("gone-ok", "/missing", List.of(404)),
                    request("broken", "/broken", List.of()),
                    request("created-unexpected", "/created", List.of(200)));
            Result r = run(load(mix, 250, 1, null, null), server.uri());

            assertThat(r.summary().sent()).isEqualTo(250);
            assertThat(r.summary().completed()).isEqualTo(250);
            Samples s = r.samples();
            assertThat(s.outcomes("ok", ALL).ok()).isEqualTo(s.outcomes("ok", ALL).total()).isPositive();
            assertThat(s.outcomes("missing", ALL).errors()).containsOnlyKeys(ErrorKind.STATUS_4XX);
            assertThat(s.outcomes("gone-ok", ALL).failed()).isZero();
            assertThat(s.outcomes("broken", ALL).errors()).containsOnlyKeys(ErrorKind.STATUS_5XX);
            assertThat(s.outcomes("created-unexpected", ALL).errors()).containsOnlyKeys(ErrorKind.UNEXPECTED_STATUS);
            assertThat(s.outcomes(null, ALL).total()).isEqualTo(250);
            assertThat(server.requests()).isEqualTo(250);
        }
    }

    @Test
    @Timeout(20)
    void aTwoSecondStallShowsInTheLatencyOfEveryRequestIntendedDuringIt() throws Exception {
        try (TestHttpServer server = TestHttpServer.answering(200)) {
            server.stallOnce(200, 2000); // at ~1 s into a 200/s load
            Result r = run(load(List.of(request("read", "/", List.of())), 200, 4, null, null), server.uri());

            Histogram latency = r.samples().latency("read", ALL);
            assertThat(latency.getTotalCount()).isEqualTo(800);
            assertThat(latency.getMaxValue()).isGreaterThanOrEqualTo(1_900_000L);
            // requests intended in the first 1.5 s of the stall wait at least 0.5 s: ~300 of them, not just one
            long slow = latency.getCountBetweenValues(500_000L, Long.MAX_VALUE / 4);
            assertThat(slow).isGreaterThan(200);
            assertThat(r.samples().outcomes("read", ALL).ok()).isEqualTo(800);
        }
    }

    @Test
    @Timeout(20)
    void nothingListeningIsRecordedAsConnectRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Result r = run(load(List.of(request("read", "/", List.of())), 50, 1, null, null),
                URI.create("http://127.0.0.1:" + port));

        Outcomes outcomes = r.samples().outcomes(null, ALL);
        assertThat(outcomes.total()).isEqualTo(50);
        assertThat(outcomes.errors()).containsExactly(Map.entry(ErrorKind.CONNECT_REFUSED, 50L));
    }

    @Test
    @Timeout(20)
    void aServerThatNeverAnswersIsRecordedAsTimeoutAfterTheRequestsTimeout() throws Exception {
        try (TestHttpServer server = TestHttpServer.answering(-1)) {
            Result r = run(load(List.of(request("read", "/", List.of())), 20, 1, Duration.ofMillis(300), null), server.uri());

            Outcomes outcomes = r.samples().outcomes(null, ALL);
            assertThat(outcomes.errors()).containsExactly(Map.entry(ErrorKind.TIMEOUT, 20L));
            Histogram latency = r.samples().latency(null, ALL);
            assertThat(latency.getMinValue()).isGreaterThanOrEqualTo(300_000L);
            assertThat(latency.getMaxValue()).isLessThan(800_000L);
        }
    }

    @Test
    @Timeout(20)
    void aConnectionClosedBeforeTheResponseIsRecordedAsReset() throws Exception {
        try (TestHttpServer server = new TestHttpServer(path -> path.equals("/hang-up") ? -2 : 200)) {
            Result r = run(load(List.of(request("hang-up", "/hang-up", List.of()), request("fine", "/", List.of())),
                    50, 1, null, null), server.uri());

            assertThat(r.samples().outcomes("hang-up", ALL).errors()).containsOnlyKeys(ErrorKind.RESET);
            assertThat(r.samples().outcomes("fine", ALL).failed()).isZero();
            assertThat(r.samples().outcomes(null, ALL).total()).isEqualTo(50);
        }
    }

    @Test
    @Timeout(20)
    void arrivalsBeyondMaxInFlightAreDroppedAndCounted() throws Exception {
        try (TestHttpServer server = TestHttpServer.answering(-1)) {
            Result r = run(load(List.of(request("read", "/", List.of())), 100, 1, Duration.ofSeconds(3), 5), server.uri());

            assertThat(r.summary().sent()).isEqualTo(5);
            assertThat(r.summary().dropped()).isEqualTo(95);
            assertThat(r.summary().completed()).isEqualTo(5);
            Outcomes outcomes = r.samples().outcomes("read", ALL);
            assertThat(outcomes.total()).isEqualTo(100);
            assertThat(outcomes.errors()).containsEntry(ErrorKind.DROPPED, 95L).containsEntry(ErrorKind.TIMEOUT, 5L);
            assertThat(r.samples().latency("read", ALL).getTotalCount()).isEqualTo(5);
        }
    }

    @Test
    @Timeout(20)
    void aConnectionCapQueuesArrivalsForAConnectionAndMeasuresTheirWait() throws Exception {
        try (TestHttpServer server = TestHttpServer.answering(200).delayingEveryResponse(20)) {
            LoadSpec spec = new LoadSpec(null, List.of(stage(100, 1)), null, null, null, null, null, null,
                    List.of(request("read", "/", List.of())), null, null, 1, Duration.ZERO);
            List<String> names = List.of("read");
            try (SampleRecorder recorder = new SampleRecorder(names, Optional.empty());
                    LoadGenerator load = new LoadGenerator(spec, server.uri(), 42, RunClock.startNow(), recorder)) {
                load.run();
                Samples samples = recorder.finish();

                assertThat(load.connectionsOpened()).isEqualTo(1);
                assertThat(samples.outcomes("read", ALL).ok()).isEqualTo(100);
                // one connection serves at most 50/s: the last arrivals wait about a second for it, and that shows
                assertThat(samples.latency("read", ALL).getMaxValue()).isGreaterThanOrEqualTo(900_000L);
            }
        }
    }

    @Test
    @Timeout(20)
    void achievedRateIsCloseToTheTargetForAShortConstantRun() throws Exception {
        try (TestHttpServer server = TestHttpServer.answering(200)) {
            Result r = run(load(List.of(request("read", "/", List.of())), 1000, 3, null, null), server.uri());

            assertThat(r.summary().targetRate()).isEqualTo(1000.0);
            assertThat(r.summary().achievedRate()).isCloseTo(1000.0, within(50.0));
            assertThat(r.summary().durationMs()).isEqualTo(3000);
            for (SecondStats second : r.samples().seconds()) {
                if (second.startMs() >= 1000 && second.startMs() < 3000) { // whole seconds in the middle
                    assertThat(second.outcomes().total()).isCloseTo(1000L, within(50L));
                }
            }
            Histogram latency = r.samples().latency("read", ALL);
            System.out.printf("1000/s for 3 s against the test server: achieved %.1f/s, p50 %d us, p99 %d us, max %d us%n",
                    r.summary().achievedRate(), latency.getValueAtPercentile(50), latency.getValueAtPercentile(99),
                    latency.getMaxValue());
        }
    }

    @Test
    @Timeout(20)
    void everyRequestCarriesItsClientIdentityHostAndRenderedPath() throws Exception {
        try (TestHttpServer server = TestHttpServer.answering(200)) {
            RequestSpec put = new RequestSpec("write", 1, "PUT", "/kv/${key}", Map.of("X-Seq", "${seq}"), "v-${client}",
                    null, null);
            LoadSpec spec = new LoadSpec(null, List.of(stage(20, 1)), null, 4, "X-Tenant", null, List.of(put), null, null, Duration.ZERO);
            run(spec, server.uri());

            List<FullHttpRequest> seen = server.kept();
            assertThat(seen).hasSize(20);
            for (FullHttpRequest request : seen) {
                long seq = Long.parseLong(request.headers().get("X-Seq"));
                assertThat(request.headers().get("X-Tenant")).isEqualTo("c" + seq % 4);
                assertThat(request.headers().get("Host")).isEqualTo(server.uri().getAuthority());
                assertThat(request.uri()).matches("/kv/k\\d+");
                assertThat(request.content().toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("v-c" + seq % 4);
            }
        }
    }

    @Test
    @Timeout(20)
    void stopEndsTheLoadEarlyAndRunStillReturnsASummary() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (TestHttpServer server = TestHttpServer.answering(200);
                SampleRecorder recorder = new SampleRecorder(List.of("read"), Optional.empty())) {
            LoadSpec spec = load(List.of(request("read", "/", List.of())), 100, 30, null, null);
            try (LoadGenerator load = new LoadGenerator(spec, server.uri(), 1, RunClock.startNow(), recorder)) {
                timer.schedule(load::stop, 500, TimeUnit.MILLISECONDS);
                LoadSummary summary = load.run();
                load.stop();
                assertThat(summary.durationMs()).isBetween(400L, 3000L);
                assertThat(summary.sent()).isBetween(40L, 300L).isEqualTo(summary.completed());
            }
        } finally {
            timer.shutdownNow();
        }
    }

    private static Result run(LoadSpec spec, URI uri) throws InterruptedException {
        List<String> names = spec.requests().stream().map(RequestSpec::name).toList();
        try (SampleRecorder recorder = new SampleRecorder(names, Optional.empty());
                LoadGenerator load = new LoadGenerator(spec, uri, 42, RunClock.startNow(), recorder)) {
            LoadSummary summary = load.run();
            return new Result(summary, recorder.finish());
        }
    }

    static LoadSpec load(List<RequestSpec> requests, double rate, int seconds, Duration timeout, Integer maxInFlight) {
        return new LoadSpec(null, List.of(stage(rate, seconds)), null, null, null, null, requests, timeout, maxInFlight, Duration.ZERO);
    }

    static Stage stage(double rate, int seconds) {
        return new Stage(Duration.ofSeconds(seconds), RateRamp.constant(new Rate(rate)));
    }

    static RequestSpec request(String name, String path, List<Integer> expect) {
        return new RequestSpec(name, 1, "GET", path, null, null, expect, null);
    }
}
