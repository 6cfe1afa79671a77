package dev.faultline.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.cluster.store.Durability;
import dev.faultline.faults.network.FaultHandle;
import dev.faultline.faults.network.HealCheck;
import dev.faultline.plan.ClockSkewFault;
import dev.faultline.plan.CrashFault;
import dev.faultline.plan.FaultSpec;
import dev.faultline.plan.PauseFault;
import dev.faultline.sample.RunClock;
import dev.faultline.targets.Component;
import dev.faultline.targets.ProcessControl;
import dev.faultline.targets.ReferenceClusterConfig;
import dev.faultline.targets.ReferenceClusterTarget;
import dev.faultline.targets.StoreSettings;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash, pause and clock-skew measured on real HTTP traffic to the nodes of a process-isolated reference cluster (two
 * store nodes, each its own JVM, replicating every key, fsync'd log, anti-entropy too slow to matter), and healed
 * leaving no dead or paused process and no skewed clock, whether by their time, an exception or the schedule's close.
 * Every test leaves the cluster as it found it, so one cluster serves them all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NodeFaultsIT {
    private static final HealCheck CLEAN = new HealCheck(true, List.of());
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceClusterTarget target;
    private FaultInjector inject;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    void start(@TempDir Path workDir) {
        StoreSettings store = new StoreSettings(2, null, null, null, null, Durability.FSYNC, Duration.ofHours(1));
        target = ReferenceClusterTarget.start(new ReferenceClusterConfig(2, Duration.ofSeconds(2),
                ReferenceClusterConfig.Isolation.PROCESS, workDir, null, store, null));
        inject = FaultTypes.into(target);
    }

    @AfterAll
    void stop() {
        if (target != null) {
            target.close();
        }
    }

    private Component node(String name) {
        return target.components().get(name);
    }

    private URI on(String node, String path) {
        return URI.create(node(node).url() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Duration timeout) throws Exception {
        return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(URI uri, String value) throws Exception {
        return send(HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.ofString(value)), Duration.ofSeconds(5));
    }

    private JsonNode json(URI uri) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri), Duration.ofSeconds(5));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void aPausedNodeAnswersNothingAndThenEverythingQueuedWhenItResumes() throws Exception {
        FaultHandle pause = inject.inject(FaultSpec.pause("stop", Duration.ZERO, null, new PauseFault("n1")));
        try {
            pausedNodeAnswersNothing(pause);
        } finally {
            pause.heal();
        }
    }

    private void pausedNodeAnswersNothing(FaultHandle pause) throws Exception {
        ProcessControl n1 = node("n1").processControl().orElseThrow();
        assertThat(n1.isPaused()).isTrue();

        assertThatThrownBy(() -> send(HttpRequest.newBuilder(on("n1", "/health")), Duration.ofMillis(500)))
                .isInstanceOf(HttpTimeoutException.class);
        List<CompletableFuture<HttpResponse<String>>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queued.add(http.sendAsync(HttpRequest.newBuilder(on("n1", "/kv/queued-" + i)).timeout(Duration.ofSeconds(30))
                    .PUT(HttpRequest.BodyPublishers.ofString("v" + i)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(1_000);
        assertThat(queued).noneMatch(CompletableFuture::isDone);
        assertThat(target.verifyHealed().leftovers()).singleElement().asString()
                .isEqualTo("n1: process " + n1.pid() + " is paused (SIGSTOP)");

        pause.heal();

        for (CompletableFuture<HttpResponse<String>> request : queued) {
            assertThat(request.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
        }
        assertThat(n1.isPaused()).isFalse();
        assertThat(target.verifyHealed()).isEqualTo(CLEAN);
    }

    @Test
    void aCrashedNodeRefusesConnectionsAndComesBackOnTheSamePortWithItsFsyncedData() throws Exception {
        assertThat(put(on("n2", "/kv/durable"), "kept").statusCode()).isEqualTo(204);
        ProcessControl n2 = node("n2").processControl().orElseThrow();
        long pidBefore = n2.pid();

        FaultHandle crash = inject.inject(FaultSpec.crash("down", Duration.ZERO,
                new CrashFault("n2", Duration.ofSeconds(5))));
        try {
            crashedNodeRefusesAndComesBack(crash, n2, pidBefore);
        } finally {
            crash.heal();
        }
    }

    private void crashedNodeRefusesAndComesBack(FaultHandle crash, ProcessControl n2, long pidBefore) throws Exception {
        assertThat(n2.isAlive()).isFalse();
        assertThatThrownBy(() -> send(HttpRequest.newBuilder(on("n2", "/health")), Duration.ofSeconds(2)))
                .isInstanceOf(ConnectException.class);
        assertThat(target.verifyHealed().leftovers()).singleElement().asString()
                .isEqualTo("n2: process " + pidBefore + " is not running (crashed and not restarted)");

        crash.heal();

        assertThat(n2.pid()).isNotEqualTo(pidBefore);
        assertThat(send(HttpRequest.newBuilder(on("n2", "/health")), Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
        JsonNode kept = json(on("n2", "/internal/kv/durable"));
        assertThat(kept.at("/versions/0/value").asText())
                .isEqualTo(Base64.getEncoder().encodeToString("kept".getBytes(StandardCharsets.UTF_8)));
        assertThat(target.verifyHealed()).isEqualTo(CLEAN);
    }

    @Test
    void aClockSkewShiftsTheTimestampsTheNodeIssuesAndIsSetBackToZero() throws Exception {
        FaultHandle skew = inject.inject(FaultSpec.clockSkew("ahead", Duration.ZERO, null,
                new ClockSkewFault("n1", "+60s")));
        try {
            skewShowsInTimestamps(skew);
        } finally {
            skew.heal();
        }
    }

    private void skewShowsInTimestamps(FaultHandle skew) throws Exception {
        assertThat(json(on("n1", "/admin/clock")).get("skewMs").asLong()).isEqualTo(60_000);
        long before = System.currentTimeMillis();
        assertThat(put(on("n1", "/kv/skewed"), "from-the-future").statusCode()).isEqualTo(204);
        long timestamp = json(on("n1", "/internal/kv/skewed")).at("/versions/0/timestamp").asLong();
        assertThat(timestamp >>> 16).as("physical ms of the write's HLC timestamp")
                .isGreaterThanOrEqualTo(before + 59_000);
        assertThat(target.verifyHealed().leftovers()).containsExactly("n1: clock is still skewed by 60000 ms");

        skew.heal();

        assertThat(json(on("n1", "/admin/clock")).get("skewMs").asLong()).isZero();
        assertThat(target.verifyHealed()).isEqualTo(CLEAN);
    }

    @Test
    void processAndClockFaultsAreHealedWhenTheirTimeEnds() throws Exception {
        List<FaultSpec> faults = List.of(
                FaultSpec.pause("stop", Duration.ZERO, Duration.ofMillis(700), new PauseFault("n1")),
                FaultSpec.clockSkew("behind", Duration.ZERO, Duration.ofMillis(700), new ClockSkewFault("n2", "-30s")),
                FaultSpec.crash("down", Duration.ZERO, new CrashFault("lb", Duration.ofSeconds(1))));
        try (FaultSchedule schedule = new FaultSchedule(faults, inject, RunClock.startNow(), e -> { })) {
            schedule.start();

            await(() -> schedule.timeline().size() == 3
                    && schedule.timeline().stream().allMatch(f -> f.endMs() != null), 60);

            assertThat(schedule.failure()).isNull();
            assertThat(schedule.timeline()).allSatisfy(f -> assertThat(f.note()).isNull());
            FaultRecord down = schedule.timeline().get(2);
            assertThat(down.endMs() - down.startMs()).as("down for at least restart-after").isGreaterThanOrEqualTo(1_000);
            assertThat(target.verifyHealed()).isEqualTo(CLEAN);
            assertThat(send(HttpRequest.newBuilder(target.serviceUri().resolve("/kv/durable")), Duration.ofSeconds(5))
                    .statusCode()).as("the restarted balancer serves again").isIn(200, 404);
        }
    }

    @Test
    void processAndClockFaultsAreHealedWhenTheRunFailsWithAnException() throws Exception {
        List<FaultSpec> faults = List.of(
                FaultSpec.pause("stop", Duration.ZERO, null, new PauseFault("n2")),
                FaultSpec.clockSkew("ahead", Duration.ZERO, null, new ClockSkewFault("n1", "5s")),
                FaultSpec.crash("down", Duration.ZERO, new CrashFault("lb", null)));
        FaultSchedule escaped = null;
        try (FaultSchedule schedule = new FaultSchedule(faults, inject, RunClock.startNow(), e -> { })) {
            escaped = schedule;
            schedule.start();
            await(() -> schedule.activeNames().size() == 3, 30);
            assertThat(target.verifyHealed().leftovers()).hasSize(3);
            throw new IllegalStateException("a check aborted the run");
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("a check aborted the run");
        }

        assertThat(escaped.timeline()).allSatisfy(f -> assertThat(f.endMs()).isNotNull());
        assertThat(escaped.timeline().get(2).note()).isEqualTo("lb stayed down until the run ended; restarted then");
        assertThat(escaped.timeline().get(0).note()).isEqualTo("healed when the run ended");
        assertThat(target.verifyHealed()).isEqualTo(CLEAN);
    }

    private static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + "s");
            }
            Thread.sleep(50);
        }
    }
}
