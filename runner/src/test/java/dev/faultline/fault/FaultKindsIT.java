package dev.faultline.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.faults.network.FaultHandle;
import dev.faultline.faults.network.HealCheck;
import dev.faultline.faults.network.Link;
import dev.faultline.plan.BandwidthFault;
import dev.faultline.plan.BlackholeFault;
import dev.faultline.plan.FaultSpec;
import dev.faultline.plan.PartitionFault;
import dev.faultline.plan.ResetFault;
import dev.faultline.targets.ReferenceClusterConfig;
import dev.faultline.targets.ReferenceClusterTarget;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every fault kind, from its plan record through its handler, measured on real HTTP traffic through the in-JVM
 * reference cluster (two store nodes behind lb), and healed leaving nothing behind.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FaultKindsIT {
    private static final Duration SHORT = Duration.ofMillis(700);
    private static final Duration AT = Duration.ZERO;

    private ReferenceClusterTarget target;
    private FaultInjector inject;
    private final ClusterHttp http = new ClusterHttp();

    @BeforeEach
    void start() {
        target = ReferenceClusterTarget.start(new ReferenceClusterConfig(2, Duration.ofSeconds(1)));
        inject = FaultTypes.into(target);
    }

    @AfterEach
    void stop() {
        target.close();
    }

    private URI onLink(String link, String path) {
        Link l = target.links().get(link);
        return ClusterHttp.uri(l.listen(), path);
    }

    private static FaultSpec fault(PartitionFault partition) {
        return new FaultSpec("f", AT, null, null, partition, null, null, null);
    }

    private void assertHealedAfter(FaultHandle handle) {
        handle.heal();
        assertThat(target.linkFaults().verifyHealed()).isEqualTo(new HealCheck(true, List.of()));
    }

    @Test
    void latencyOf100msShowsAsAbout100msMoreAtTheMedian() throws Exception {
        URI read = URI.create(target.serviceUri() + "/kv/k");
        Duration before = http.medianGet(read, 21);

        FaultHandle slow = inject.inject(FaultSpec.latency("slow", AT, null,
                new FaultSpec.LatencyFault("lb->*", Duration.ofMillis(100), Duration.ofMillis(10))));
        Duration during = http.medianGet(read, 21);

        assertThat(during.minus(before)).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        assertHealedAfter(slow);
    }

    @Test
    void blackholePartitionMakesRequestsAcrossItTimeOutWhileTheSameSideStillWorks() throws Exception {
        FaultHandle split = inject.inject(fault(new PartitionFault(
                List.of(List.of("client", "lb", "n1"), List.of("n2")), null, null)));

        assertThat(http.get(onLink("lb->n1", "/kv/k"), SHORT).statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> http.get(onLink("lb->n2", "/kv/k"), SHORT)).isInstanceOf(HttpTimeoutException.class);
        assertThat(http.get(onLink("client->lb", "/kv/k"), Duration.ofSeconds(3)).statusCode()).isIn(404, 504);

        assertHealedAfter(split);
        assertThat(http.get(onLink("lb->n2", "/kv/k"), SHORT).statusCode()).isEqualTo(404);
    }

    @Test
    void rejectPartitionRefusesConnectionsAcrossIt() throws Exception {
        FaultHandle split = inject.inject(fault(new PartitionFault(
                List.of(List.of("client", "lb", "n1"), List.of("n2")), null, PartitionFault.Mode.REJECT)));

        assertThat(http.get(onLink("lb->n1", "/kv/k"), SHORT).statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> http.get(onLink("lb->n2", "/kv/k"), SHORT)).hasCauseInstanceOf(ConnectException.class);

        assertHealedAfter(split);
        assertThat(http.get(onLink("lb->n2", "/kv/k"), SHORT).statusCode()).isEqualTo(404);
    }

    @Test
    void oneWayPartitionLetsRequestsInButNoAnswersOut() throws Exception {
        FaultHandle deaf = inject.inject(fault(new PartitionFault(
                List.of(List.of("n2"), List.of("lb")), PartitionFault.Direction.ONE_WAY, null)));

        assertThatThrownBy(() -> http.put(onLink("lb->n2", "/kv/one-way"), "arrived", SHORT))
                .isInstanceOf(HttpTimeoutException.class);

        assertHealedAfter(deaf);
        assertThat(http.get(onLink("lb->n2", "/kv/one-way"), SHORT).body()).isEqualTo("arrived");
    }

    @Test
    void bandwidthSlowsALargeBody() throws Exception {
        String body = "b".repeat(200 * 1024);
        assertThat(http.put(onLink("lb->n1", "/kv/big"), body, Duration.ofSeconds(5)).statusCode()).isLessThan(300);
        FaultHandle thin = inject.inject(new FaultSpec("thin", AT, null, null, null,
                new BandwidthFault("lb->n1", "100KB/s"), null, null));

        long start = System.nanoTime();
        String read = http.get(onLink("lb->n1", "/kv/big"), Duration.ofSeconds(10)).body();

        assertThat(read).hasSize(body.length());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertHealedAfter(thin);
    }

    @Test
    void resetResetsConnectionsThatCarryARequest() throws Exception {
        FaultHandle reset = inject.inject(new FaultSpec("rst", AT, null, null, null, null, new ResetFault("*->n1"), null));

        assertThatThrownBy(() -> http.get(onLink("lb->n1", "/kv/k"), SHORT)).isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);

        assertHealedAfter(reset);
        assertThat(http.get(onLink("lb->n1", "/kv/k"), SHORT).statusCode()).isEqualTo(404);
    }

    @Test
    void blackholeOnTheClientLinkMakesTheServiceHang() throws Exception {
        FaultHandle hole = inject.inject(new FaultSpec("hole", AT, null, null, null, null, null,
                new BlackholeFault("client->lb")));

        assertThatThrownBy(() -> http.get(URI.create(target.serviceUri() + "/kv/k"), SHORT))
                .isInstanceOf(HttpTimeoutException.class);

        assertHealedAfter(hole);
        assertThat(http.get(URI.create(target.serviceUri() + "/kv/k"), SHORT).statusCode()).isEqualTo(404);
    }
}
