package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fault kinds in plans: what binds, and each mistake reported at its line and column. */
class FaultPlansTest {
    private final PlanParser parser = new PlanParser();

    private static String plan(int nodes, String faults) {
        return "name: faults\n"
                + "target: { cluster: { store: { nodes: " + nodes + " } } }\n"
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
    void everyFaultKindBindsWithItsDefaults() throws Exception {
        Plan p = parse(plan(3, ""
                + "  - { name: split, at: 1s, for: 2s, partition: { groups: [[client, lb, n1], [n2, n3]] } }\n"
                + "  - { at: 4s, for: 1s, partition: { groups: [[lb], [n1]], direction: one-way } }\n"
                + "  - { at: 6s, for: 1s, bandwidth: { link: \"lb->*\", rate: 100KB/s } }\n"
                + "  - { at: 6s, for: 1s, latency: { link: \"*->n1\", delay: 10ms } }\n"
                + "  - { at: 8s, for: 1s, reset: { link: \"lb->n2\" } }\n"
                + "  - { at: 10s, for: 1s, blackhole: { link: \"client->lb\" } }\n"
                + "  - { at: 12s, for: 1s, partition: { groups: [[n1], [lb]], mode: reject } }\n"));

        List<FaultSpec> faults = p.faults();
        assertThat(faults).extracting(FaultSpec::type)
                .containsExactly("partition", "partition", "bandwidth", "latency", "reset", "blackhole", "partition");
        assertThat(faults.get(0).partition().direction()).isEqualTo(PartitionFault.Direction.BOTH);
        assertThat(faults.get(0).partition().mode()).isEqualTo(PartitionFault.Mode.BLACKHOLE);
        assertThat(faults.get(0).target()).isEqualTo("[client, lb, n1] | [n2, n3]");
        assertThat(faults.get(1).partition().direction()).isEqualTo(PartitionFault.Direction.ONE_WAY);
        assertThat(faults.get(2).bandwidth().bytesPerSecond()).isEqualTo(100 * 1024);
        assertThat(faults.get(2).name()).isEqualTo("bandwidth@6s");
        assertThat(faults.get(6).partition().mode()).isEqualTo(PartitionFault.Mode.REJECT);
        assertThat(faults.get(4).duration()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aLinkPatternThatMatchesNoLinkIsAProblemListingTheLinks() {
        PlanException e = catchThrowableOfType(PlanException.class, () -> parse(plan(2,
                "  - { at: 1s, latency: { link: \"*->client\", delay: 5ms } }\n")));

        Problem p = e.problems().get(0);
        assertThat(p.line()).isEqualTo(7);
        assertThat(p.column()).isEqualTo(32);
        assertThat(p.message()).isEqualTo("link pattern '*->client' matches no link");
        assertThat(p.hint()).contains("client->lb, lb->n1, lb->n2");
    }

    @Test
    void partitionGroupsMustNameKnownComponentsAndCutALink() {
        assertThat(problems(plan(2, ""
                + "  - { at: 1s, for: 1s, partition: { groups: [[lb, n1], [n9]] } }\n"
                + "  - { at: 3s, for: 1s, partition: { groups: [[client], [n1]] } }\n")))
                .containsExactly(
                        "7:57 faults[0].partition.groups[1][0]: unknown component 'n9'",
                        "8:45 faults[1].partition.groups: partition [client] | [n1] cuts no link");
    }

    @Test
    void recordRulesOfFaultKindsAreLocated() {
        assertThat(problems(plan(2, ""
                + "  - { at: 1s, partition: { groups: [[lb, n1], [n1]] } }\n"
                + "  - { at: 2s, partition: { groups: [[lb], [n1]], direction: one-way, mode: reject } }\n"
                + "  - { at: 3s, bandwidth: { link: \"lb->n1\", rate: 0KB/s } }\n"
                + "  - { at: 4s, reset: { link: \"lb\" } }\n"
                + "  - { at: 5s, reset: { link: \"lb->n1\" }, blackhole: { link: \"lb->n1\" } }\n")))
                .hasSize(5)
                .anySatisfy(p -> assertThat(p).contains("'n1' is in more than one partition group"))
                .anySatisfy(p -> assertThat(p).contains("mode 'reject' refuses whole connections"))
                .anySatisfy(p -> assertThat(p).contains("'rate' must be more than 0"))
                .anySatisfy(p -> assertThat(p).contains("reset needs a 'link' written from->to"))
                .anySatisfy(p -> assertThat(p).contains("a fault has exactly one kind, not reset and blackhole"));
    }

    @Test
    void negativeDurationsAreRejected() {
        assertThat(problems(plan(1, "  - { at: -1s, latency: { link: \"lb->n1\", delay: 5ms } }\n")))
                .singleElement().asString().startsWith("7:");
        assertThat(problems(plan(1, "  - { at: 1s, for: -2s, latency: { link: \"lb->n1\", delay: 5ms } }\n")))
                .singleElement().asString().startsWith("7:");
    }

    @Test
    void aLatencyOnALinkThatAPartitionCutsAtTheSameTimeContradictsIt() {
        assertThat(problems(plan(2, ""
                + "  - { name: split, at: 2s, for: 4s, partition: { groups: [[lb, n1], [n2]] } }\n"
                + "  - { name: slow, at: 5s, for: 4s, latency: { link: \"*->n2\", delay: 5ms } }\n")))
                .containsExactly("8:5 faults[1]: fault 'slow' contradicts fault 'split' on link lb->n2 from 5s to 6s: "
                        + "'split' cuts that link");
    }

    @Test
    void twoCutsOfTheSameLinkAtOnceContradictEachOther() {
        assertThat(problems(plan(2, ""
                + "  - { name: a, at: 2s, partition: { groups: [[lb], [n1, n2]], mode: reject } }\n"
                + "  - { name: b, at: 10s, for: 1s, blackhole: { link: \"lb->n1\" } }\n")))
                .singleElement().asString().contains("fault 'b' contradicts fault 'a' on link lb->n1 from 10s to 11s");
    }

    @Test
    void faultsThatOnlyShapeALinkMayOverlapAndCutsMayFollowEachOther() throws Exception {
        Plan p = parse(plan(2, ""
                + "  - { at: 2s, for: 4s, latency: { link: \"lb->n1\", delay: 5ms } }\n"
                + "  - { at: 3s, for: 4s, bandwidth: { link: \"lb->n1\", rate: 1MB/s } }\n"
                + "  - { at: 3s, for: 4s, reset: { link: \"lb->*\" } }\n"
                + "  - { at: 7s, for: 2s, partition: { groups: [[lb], [n1]] } }\n"
                + "  - { at: 9s, for: 2s, blackhole: { link: \"lb->n1\" } }\n"));

        assertThat(p.faults()).hasSize(5);
    }
}
