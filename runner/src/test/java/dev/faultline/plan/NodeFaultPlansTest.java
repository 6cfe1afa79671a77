package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The faults on one component (crash, pause, clock-skew) in plans: what binds, and each mistake located. */
class NodeFaultPlansTest {
    private final PlanParser parser = new PlanParser();

    private static String plan(String isolation, String faults) {
        return "name: node-faults\n"
                + "target: { cluster: { isolation: " + isolation + ", store: { nodes: 3 } } }\n"
                + "load:\n"
                + "  stages: [ { duration: 20s, rate: 10/s } ]\n"
                + "  requests: [ { name: read, path: /kv/k } ]\n"
                + "faults:\n"
                + faults;
    }

    private Plan parse(String yaml) throws PlanException {
        return parser.parse(yaml, "plan.yaml", List.of());
    }

    private List<String> problems(String yaml) {
        PlanException e = catchThrowableOfType(PlanException.class, () -> parse(yaml));
        assertThat(e).as("should not parse").isNotNull();
        return e.problems().stream().map(p -> p.line() + ":" + p.column() + " " + p.path() + ": " + p.message()).toList();
    }

    @Test
    void crashPauseAndClockSkewBindWithTheirNodesAndDurations() throws Exception {
        Plan p = parse(plan("process", ""
                + "  - { name: down, at: 1s, crash: { node: n2, restart-after: 3s } }\n"
                + "  - { at: 2s, crash: { node: lb } }\n"
                + "  - { at: 5s, for: 2s, pause: { node: n1 } }\n"
                + "  - { at: 8s, for: 4s, clock-skew: { node: n3, offset: -30s } }\n"
                + "  - { at: 13s, clock-skew: { node: n1, offset: +1.5s } }\n"));

        List<FaultSpec> faults = p.faults();
        assertThat(faults).extracting(FaultSpec::type).containsExactly("crash", "crash", "pause", "clock-skew", "clock-skew");
        assertThat(faults).extracting(FaultSpec::target).containsExactly("n2", "lb", "n1", "n3", "n1");
        assertThat(faults.get(0).duration()).as("a crash lasts until its restart").isEqualTo(Duration.ofSeconds(3));
        assertThat(faults.get(1).duration()).as("no restart-after: down until the run ends").isNull();
        assertThat(faults.get(1).name()).isEqualTo("crash@2s");
        assertThat(faults.get(3).clockSkew().skew()).isEqualTo(Duration.ofSeconds(-30));
        assertThat(faults.get(4).clockSkew().skew()).isEqualTo(Duration.ofMillis(1500));
        assertThat(faults.get(4).link()).isNull();
    }

    @Test
    void aCrashOrPauseOfAnInJvmComponentIsAProblemAtItsNode() {
        assertThat(problems(plan("in-jvm", ""
                + "  - { at: 1s, crash: { node: n2, restart-after: 3s } }\n"
                + "  - { at: 5s, for: 1s, pause: { node: lb } }\n")))
                .containsExactly(
                        "7:30 faults[0].crash.node: cannot crash 'n2': with isolation in-jvm it runs inside the runner, "
                                + "not as a process of its own",
                        "8:39 faults[1].pause.node: cannot pause 'lb': with isolation in-jvm it runs inside the runner, "
                                + "not as a process of its own");
    }

    @Test
    void aClockSkewOfAnInJvmStoreNodeIsFineItGoesThroughTheAdminHook() throws Exception {
        Plan p = parse(plan("in-jvm", "  - { at: 1s, for: 1s, clock-skew: { node: n2, offset: 10s } }\n"));

        assertThat(p.faults()).singleElement().extracting(FaultSpec::node).isEqualTo("n2");
    }

    @Test
    void anUnknownNodeIsAProblemWithTheNearestName() {
        PlanException e = catchThrowableOfType(PlanException.class, () -> parse(plan("process",
                "  - { at: 1s, crash: { node: n9 } }\n")));

        Problem p = e.problems().get(0);
        assertThat(p.line()).isEqualTo(7);
        assertThat(p.column()).isEqualTo(30);
        assertThat(p.path()).isEqualTo("faults[0].crash.node");
        assertThat(p.message()).isEqualTo("unknown component 'n9'");
        assertThat(p.hint()).contains("n1, n2, n3, lb");
    }

    @Test
    void aClockSkewOfTheBalancerIsAProblemOnlyStoreNodesHaveTheHook() {
        assertThat(problems(plan("process", "  - { at: 1s, clock-skew: { node: lb, offset: 5s } }\n")))
                .containsExactly("7:35 faults[0].clock-skew.node: clock-skew needs a store node, and 'lb' is not one");
    }

    @Test
    void aCrashTakesRestartAfterNotFor() {
        assertThat(problems(plan("process", "  - { at: 1s, for: 2s, crash: { node: n1 } }\n")))
                .singleElement().asString().startsWith("7:")
                .contains("a crash lasts until its restart: give crash.restart-after instead of 'for'");
    }

    @Test
    void recordRulesOfNodeFaultsAreLocated() {
        assertThat(problems(plan("process", ""
                + "  - { at: 1s, crash: { node: n1, restart-after: 0s } }\n"
                + "  - { at: 2s, for: 1s, pause: { } }\n"
                + "  - { at: 4s, for: 1s, clock-skew: { node: n1, offset: 0s } }\n"
                + "  - { at: 6s, for: 1s, clock-skew: { node: n1 } }\n"
                + "  - { at: 8s, for: 1s, clock-skew: { node: n1, offset: soon } }\n")))
                .hasSize(5)
                .anySatisfy(p -> assertThat(p).startsWith("7:").contains("'restart-after' must be longer than 0"))
                .anySatisfy(p -> assertThat(p).startsWith("8:").contains("pause needs a 'node'"))
                .anySatisfy(p -> assertThat(p).startsWith("9:").contains("an 'offset' of 0 skews nothing"))
                .anySatisfy(p -> assertThat(p).startsWith("10:").contains("clock-skew needs an 'offset'"))
                .anySatisfy(p -> assertThat(p).startsWith("11:").contains("soon"));
    }

    @Test
    void twoFaultsOnTheSameNodeAtOnceContradictButMayFollowEachOther() {
        assertThat(problems(plan("process", ""
                + "  - { name: down, at: 2s, crash: { node: n2, restart-after: 4s } }\n"
                + "  - { name: stop, at: 5s, for: 2s, pause: { node: n2 } }\n"
                + "  - { name: later, at: 7s, for: 2s, pause: { node: n2 } }\n"
                + "  - { name: other, at: 5s, for: 2s, pause: { node: n3 } }\n")))
                .containsExactly("8:5 faults[1]: fault 'stop' contradicts fault 'down' on n2 from 5s to 6s: "
                        + "both act on that component at once");
    }

    @Test
    void anHttpTargetHasNoComponentsForNodeFaults() {
        assertThat(problems("name: http\n"
                + "target: { http: { url: \"http://127.0.0.1:9\" } }\n"
                + "load:\n"
                + "  stages: [ { duration: 5s, rate: 10/s } ]\n"
                + "  requests: [ { name: read, path: /kv/k } ]\n"
                + "faults:\n"
                + "  - { at: 1s, for: 1s, pause: { node: n1 } }\n"))
                .containsExactly("7:39 faults[0].pause.node: the http target has no components the run controls");
    }

    @Test
    void aClockSkewOfACommandProcessSaysOnlyStoreNodesHaveTheHook() {
        assertThat(problems("name: command\n"
                + "target: { command: { name: app, run: [ \"./app\", \"${port}\" ], ready: /health } }\n"
                + "load:\n"
                + "  stages: [ { duration: 5s, rate: 10/s } ]\n"
                + "  requests: [ { name: read, path: / } ]\n"
                + "faults:\n"
                + "  - { at: 1s, for: 1s, clock-skew: { node: app, offset: 5s } }\n"))
                .singleElement().asString().startsWith("7:")
                .contains("faults[0].clock-skew.node: clock-skew needs a store node of the reference cluster")
                .contains("this is a command target");
    }

    @Test
    void aDisconnectActsOnAContainerAndNothingElse() throws Exception {
        assertThat(problems(plan("process", "  - { at: 1s, for: 1s, disconnect: { node: n1 } }\n")))
                .containsExactly("7:44 faults[0].disconnect.node: disconnect acts on a container (target.container), "
                        + "and this is a cluster target");
        Plan p = parse("name: box\n"
                + "target: { container: { name: box, image: local/jre17:slim, ports: [8080] } }\n"
                + "load:\n"
                + "  stages: [ { duration: 5s, rate: 10/s } ]\n"
                + "  requests: [ { name: read, path: / } ]\n"
                + "faults:\n"
                + "  - { name: cut, at: 1s, for: 2s, disconnect: { node: box } }\n");
        assertThat(p.faults().get(0).type()).isEqualTo("disconnect");
        assertThat(p.faults().get(0).node()).isEqualTo("box");
    }
}
