package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoodPlanTest {
    private static final Path GOOD = Path.of("src/test/resources/plans/good");
    private final PlanParser parser = new PlanParser();

    @Test
    void quickstartParsesToTheExpectedRecords() throws PlanException {
        Plan plan = parser.parse(GOOD.resolve("quickstart.yaml"));

        assertThat(plan.name()).isEqualTo("quickstart");
        assertThat(plan.seed()).isEqualTo(7L);
        assertThat(plan.target()).isEqualTo(new TargetSpec(new ClusterSpec(ClusterSpec.Isolation.IN_JVM,
                new StoreSpec(1, 1), new BalancerSpec(7, BalancerSpec.Strategy.ROUND_ROBIN)), null, null));
        LoadSpec load = plan.load();
        assertThat(load.model()).isEqualTo(LoadSpec.Model.OPEN);
        assertThat(load.stages()).containsExactly(new Stage(Duration.ofSeconds(10), RateRamp.constant(new Rate(200))));
        assertThat(load.clients()).isEqualTo(10);
        assertThat(load.keys()).isEqualTo(new KeySpace(1000L, KeySpace.Distribution.UNIFORM, 1.0));
        assertThat(load.requests()).containsExactly(
                new RequestSpec("write", 1, "PUT", "/kv/${key}", Map.of(), "v-${seq}", List.of(), null),
                new RequestSpec("read", 3, "GET", "/kv/${key}", Map.of(), null, List.of(200, 404), null));
        assertThat(plan.faults()).containsExactly(FaultSpec.latency("slow-store", Duration.ofSeconds(3), Duration.ofSeconds(3),
                new FaultSpec.LatencyFault("lb->n1", Duration.ofMillis(60), Duration.ofMillis(5))));
        assertThat(plan.checks()).containsExactly(
                new CheckSpec(new CheckSpec.LatencyCheck(null, "read", "steady", null, null, Duration.ofMillis(50), null, null), null, null),
                new CheckSpec(new CheckSpec.LatencyCheck(null, "read", "slow-store", Duration.ofMillis(50), null, null, null, null), null, null),
                new CheckSpec(null, new CheckSpec.AvailabilityCheck(null, null, "all", new Percentage(99)), null));
    }

    @Test
    void quickstartGetsTheDefaultsOfWhatItLeavesOut() throws PlanException {
        Plan plan = parser.parse(GOOD.resolve("quickstart.yaml"));

        assertThat(plan.description()).isNull();
        assertThat(plan.load().arrivals()).isEqualTo(LoadSpec.Arrivals.UNIFORM);
        assertThat(plan.load().clientHeader()).isEqualTo("X-Client-Id");
        assertThat(plan.load().timeout()).isEqualTo(LoadSpec.DEFAULT_TIMEOUT);
        assertThat(plan.load().maxInFlight()).isEqualTo(LoadSpec.DEFAULT_MAX_IN_FLIGHT);
        assertThat(plan.report()).isEqualTo(ReportSpec.DEFAULTS);
    }

    @Test
    void minimalPlanIsFilledWithDefaults() throws PlanException {
        Plan plan = parser.parse(GOOD.resolve("minimal.yaml"));

        assertThat(plan.seed()).isEqualTo(Plan.DEFAULT_SEED);
        assertThat(plan.target().cluster()).isEqualTo(new ClusterSpec(null, null, null));
        assertThat(plan.target().cluster().isolation()).isEqualTo(ClusterSpec.Isolation.PROCESS);
        assertThat(plan.target().cluster().links()).containsExactly("client->lb", "lb->n1");
        assertThat(plan.load().stages()).containsExactly(
                new Stage(Duration.ofSeconds(5), new RateRamp(new Rate(10), new Rate(100))));
        assertThat(plan.load().clients()).isEqualTo(1);
        assertThat(plan.load().keys()).isEqualTo(KeySpace.DEFAULTS);
        assertThat(plan.load().requests()).containsExactly(
                new RequestSpec("ping", 1, "GET", "/kv/k1", Map.of(), null, List.of(), null));
        assertThat(plan.faults()).isEmpty();
        assertThat(plan.checks()).isEmpty();
    }

    @Test
    void textParsesLikeAFileUnderItsSourceName() throws PlanException {
        String text = """
                name: inline
                target: { cluster: { store: { nodes: 3, replication: 2 } } }
                load:
                  stages: [ { duration: 1m, rate: 12k/m } ]
                  requests:
                    - name: put
                      method: put
                      path: /kv/${key}
                      headers: { X-Trace: "t-${uuid}" }
                      body: "${random:1:100}"
                faults:
                  - { at: 0, latency: { link: "client->lb", delay: 1ms } }
                report: { dir: out, formats: [json] }
                """;
        Plan plan = parser.parse(text, "inline.yaml", List.of());

        assertThat(plan.target().cluster().store()).isEqualTo(new StoreSpec(3, 2));
        assertThat(plan.load().stages().get(0).rate()).isEqualTo(RateRamp.constant(new Rate(200)));
        assertThat(plan.load().requests().get(0).method()).isEqualTo("PUT");
        assertThat(plan.load().requests().get(0).headers()).containsEntry("X-Trace", "t-${uuid}");
        assertThat(plan.faults().get(0).name()).isEqualTo("latency@0");
        assertThat(plan.faults().get(0).at()).isZero();
        assertThat(plan.report()).isEqualTo(new ReportSpec("out", List.of(ReportSpec.Format.JSON)));
    }

    @Test
    void processIsolationIsAccepted() throws PlanException {
        String text = """
                name: processes
                target: { cluster: { isolation: process, store: { nodes: 2 } } }
                load: { stages: [ { duration: 1s, rate: 1/s } ], requests: [ { name: read, path: /kv/k } ] }
                """;
        assertThat(parser.parse(text, "processes.yaml", List.of()).target().cluster().isolation())
                .isEqualTo(ClusterSpec.Isolation.PROCESS);
    }
}
