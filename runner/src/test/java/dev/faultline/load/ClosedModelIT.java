package dev.faultline.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.plan.LoadSpec;
import dev.faultline.plan.RequestSpec;
import dev.faultline.plan.Stage;
import dev.faultline.plan.ThinkTime;
import dev.faultline.plan.UsersRamp;
import dev.faultline.plan.Workload;
import dev.faultline.sample.Acknowledgements;
import dev.faultline.sample.RunClock;
import dev.faultline.sample.SampleRecorder;
import dev.faultline.sample.Samples;
import dev.faultline.sample.TimeRange;
import io.netty.handler.codec.http.FullHttpRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Closed-model users and the workload presets against a Netty test server on 127.0.0.1, bounded in time. */
class ClosedModelIT {
    private static final TimeRange ALL = new TimeRange(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);

    record Result(LoadSummary summary, Samples samples) {
    }

    @Test
    @Timeout(20)
    void eachUserWaitsForItsResponseAndThinksBeforeItsNextRequest() throws Exception {
        try (TestHttpServer server = TestHttpServer.answering(200).delayingEveryResponse(10)) {
            LoadSpec spec = closed(List.of(Stage.users(Duration.ofSeconds(2), UsersRamp.constant(4))),
                    ThinkTime.fixed(Duration.ofMillis(90)), 4, null);
            Result r = run(spec, server.uri());

            // each iteration takes at least 10 ms of service and 90 ms of thinking: at most 4 users x 2 s / 100 ms
            assertThat(r.summary().model()).isEqualTo("closed");
            assertThat(r.summary().users()).isEqualTo(4);
            assertThat(r.summary().iterations()).isBetween(20L, 84L).isEqualTo(r.summary().completed());
            assertThat(r.samples().outcomes(null, ALL).total()).isEqualTo(r.summary().sent());
            assertThat(r.samples().outcomes(null, ALL).failed()).isZero();
            assertThat(r.samples().latency(null, ALL).getMinValue()).isGreaterThanOrEqualTo(10_000L);
        }
    }

    @Test
    @Timeout(20)
    void usersWithoutThinkTimeKeepOneConnectionEach() throws Exception {
        try (TestHttpServer server = TestHttpServer.answering(200)) {
            LoadSpec spec = closed(List.of(Stage.users(Duration.ofSeconds(1), UsersRamp.constant(3))), null, 3, null);
            try (SampleRecorder recorder = new SampleRecorder(List.of("read"), Optional.empty());
                    LoadGenerator generator = new LoadGenerator(spec, server.uri(), 9, RunClock.startNow(), recorder)) {
                LoadSummary summary = generator.run();

                assertThat(summary.iterations()).isGreaterThan(3);
                assertThat(generator.connectionsOpened()).isEqualTo(3);
            }
        }
    }

    @Test
    @Timeout(20)
    void usersRampUpAndEachUserIsOneClient() throws Exception {
        try (TestHttpServer server = TestHttpServer.answering(200)) {
            LoadSpec spec = closed(List.of(Stage.users(Duration.ofSeconds(1), new UsersRamp(1, 6))),
                    new ThinkTime(Duration.ofMillis(100), Duration.ofMillis(300)), 100, null);
            Result r = run(spec, server.uri());

            assertThat(r.summary().users()).isEqualTo(6);
            Set<String> clients = new HashSet<>();
            server.kept().forEach(request -> clients.add(request.headers().get("X-Client-Id")));
            assertThat(clients).isSubsetOf(Set.of("c0", "c1", "c2", "c3", "c4", "c5")).contains("c0", "c5");
        }
    }

    @Test
    @Timeout(20)
    void theSetWorkloadAddsUniqueElementsAndLogsEveryAcknowledgedAdd() throws Exception {
        try (TestHttpServer server = new TestHttpServer(path -> path.endsWith("/add") ? 200 : 404)) {
            LoadSpec spec = new LoadSpec(null, List.of(LoadGeneratorIT.stage(80, 1)), null, null, 3, null, null,
                    Workload.SET, null, null, null, null, Duration.ZERO);
            List<String> names = spec.requests().stream().map(RequestSpec::name).toList();
            Samples samples;
            try (SampleRecorder recorder = new SampleRecorder(names, Optional.empty());
                    LoadGenerator generator = new LoadGenerator(spec, server.uri(), 5, RunClock.startNow(), recorder)) {
                generator.run();
                samples = recorder.finish();
            }

            long adds = samples.outcomes("add", ALL).ok();
            assertThat(adds).isPositive();
            assertThat(samples.outcomes("read", ALL).failed()).isZero(); // 404 is expected of a read
            Acknowledgements acks = samples.acknowledgements();
            assertThat(acks.complete()).isTrue();
            assertThat(acks.entries()).hasSize((int) adds);
            assertThat(acks.entries().stream().map(Acknowledgements.Ack::element).distinct()).hasSize((int) adds);
            Set<String> sent = new HashSet<>();
            for (FullHttpRequest request : server.kept()) {
                if (request.method().name().equals("POST")) {
                    sent.add(request.uri() + " " + request.content().toString(StandardCharsets.UTF_8));
                }
            }
            assertThat(acks.entries()).allSatisfy(ack -> {
                assertThat(ack.request()).isEqualTo("add");
                assertThat(ack.element()).matches("c[0-2]-\\d+");
                assertThat(sent).contains("/kv/" + ack.key() + "/add " + ack.element());
            });
        }
    }

    private static LoadSpec closed(List<Stage> stages, ThinkTime think, int clients, Duration timeout) {
        return new LoadSpec(LoadSpec.Model.CLOSED, stages, null, think, clients, null, null, null,
                List.of(LoadGeneratorIT.request("read", "/", List.of())), timeout, null, null, Duration.ZERO);
    }

    private static Result run(LoadSpec spec, URI uri) throws InterruptedException {
        List<String> names = spec.requests().stream().map(RequestSpec::name).toList();
        try (SampleRecorder recorder = new SampleRecorder(names, Optional.empty());
                LoadGenerator generator = new LoadGenerator(spec, uri, 9, RunClock.startNow(), recorder)) {
            LoadSummary summary = generator.run();
            return new Result(summary, recorder.finish());
        }
    }
}
