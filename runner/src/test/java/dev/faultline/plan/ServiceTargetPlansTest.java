package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans of the command and container targets: plans/targets/, one file per mistake, each located. */
class ServiceTargetPlansTest {
    private static final Path DIR = Path.of("src/test/resources/plans/targets");
    private final PlanParser parser = new PlanParser();

    private Problem onlyProblemOf(String name) {
        Path file = DIR.resolve(name);
        PlanException e = catchThrowableOfType(PlanException.class, () -> parser.parse(file));
        assertThat(e).as("%s should not parse", name).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void aCommandTargetParsesWithItsLinkAndComponentNamedAfterIt() throws PlanException {
        Plan plan = parser.parse(DIR.resolve("command.yaml"));

        CommandTargetSpec command = plan.target().command();
        assertThat(command).isEqualTo(new CommandTargetSpec("api", List.of("java", "-jar", "app.jar",
                "--server.port=${port}"), Map.of("APP_NAME", "${name}"), null, "/health", Duration.ofSeconds(20),
                "services"));
        assertThat(plan.target().kind()).isEqualTo("command");
        assertThat(plan.target().links()).containsExactly("client->api");
        assertThat(plan.target().components()).containsExactly("api");
    }

    @Test
    void aCommandWhosePortIsNeitherGivenNorPassedIsRefusedAtTheCommand() {
        Problem p = onlyProblemOf("command-without-port.yaml");
        assertThat(p.path()).isEqualTo("target.command");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.message()).contains("the service's port is unknown: give 'port', or pass ${port}");
    }

    @Test
    void aFaultOnALinkTheCommandTargetDoesNotHaveIsRefusedWithItsLink() {
        Problem p = onlyProblemOf("command-fault-on-unknown-link.yaml");
        assertThat(p.path()).isEqualTo("faults[0].latency.link");
        assertThat(p.message()).isEqualTo("unknown link 'client->app'");
        assertThat(p.hint()).contains("client->api");
    }

    @Test
    void aCommandTargetOfThreeNodesHasInstancesBehindTheBalancerAndPeerLinksWhenItAsksForPeers() throws PlanException {
        Plan plan = parser.parse(DIR.resolve("command-nodes.yaml"));

        CommandTargetSpec command = plan.target().command();
        assertThat(command.nodes()).isEqualTo(3);
        assertThat(command.balancer().strategy()).isEqualTo(BalancerSpec.Strategy.LEAST_CONNECTIONS);
        assertThat(command.balancer().healthCheck().interval()).isEqualTo(Duration.ofMillis(250));
        assertThat(command.balancer().healthCheck().path()).as("the ready path, when the target starts").isNull();
        assertThat(plan.target().components()).containsExactly("api1", "api2", "api3", "lb");
        assertThat(plan.target().links()).containsExactly("client->lb", "lb->api1", "lb->api2", "lb->api3",
                "api1->api2", "api1->api3", "api2->api1", "api2->api3", "api3->api1", "api3->api2");
    }

    @Test
    void zeroNodesAreRefusedAtTheCommandWithTheRange() {
        Problem p = onlyProblemOf("command-nodes-zero.yaml");
        assertThat(p.path()).isEqualTo("target.command");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.column()).isEqualTo(5);
        assertThat(p.message()).contains("nodes must lie between 1 and 32, not 0");
    }

    @Test
    void aCrashOfAnInstanceBeyondTheNodesIsRefusedNamingTheInstances() {
        Problem p = onlyProblemOf("command-nodes-unknown-node.yaml");
        assertThat(p.path()).isEqualTo("faults[0].crash.node");
        assertThat(p.line()).isEqualTo(8);
        assertThat(p.message()).isEqualTo("unknown component 'api4'");
        assertThat(p.hint()).contains("api3");
    }

    @Test
    void aPartitionBetweenInstancesThatDoNotAskForPeersCutsNothingAndIsRefused() {
        Problem p = onlyProblemOf("command-nodes-partition-without-peers.yaml");
        assertThat(p.path()).isEqualTo("faults[0].partition.groups");
        assertThat(p.message()).contains("cuts no link");
        assertThat(p.hint()).contains("client->lb, lb->api1, lb->api2");
    }

    @Test
    void aFixedPortForSeveralNodesIsRefused() {
        Problem p = onlyProblemOf("command-nodes-with-port.yaml");
        assertThat(p.path()).isEqualTo("target.command");
        assertThat(p.message()).contains("with nodes: 2 each instance listens on a port of its own");
    }

    @Test
    void aBalancerForOneNodeIsRefused() {
        Problem p = onlyProblemOf("command-balancer-one-node.yaml");
        assertThat(p.path()).isEqualTo("target.command");
        assertThat(p.message()).contains("'balancer' needs nodes: 2 or more");
    }

    @Test
    void aFailoverCheckIsAcceptedForCommandNodesWithAStandbyBalancer() throws PlanException {
        Plan plan = parser.parse(DIR.resolve("command-nodes-failover.yaml"));

        assertThat(plan.target().components()).containsExactly("app1", "app2", "lb", "lb2");
        assertThat(plan.target().links()).containsExactly("client->lb", "lb->app1", "lb->app2", "lb2->app1",
                "lb2->app2");
    }

    @Test
    void aFailoverCheckOfOneCommandNodeIsRefusedSayingWhatItNeeds() {
        Problem p = onlyProblemOf("command-failover-one-node.yaml");
        assertThat(p.path()).isEqualTo("checks[0].failover");
        assertThat(p.hint()).contains("set target.command.balancer.standby: true with nodes: 2 or more");
    }

    @Test
    void aContainerTargetParsesWithItsPortsFilesAndWait() throws PlanException {
        Plan plan = parser.parse(DIR.resolve("container.yaml"));

        ContainerTargetSpec container = plan.target().container();
        assertThat(container.name()).isEqualTo("app");
        assertThat(container.image()).isEqualTo("local/jre17:slim");
        assertThat(container.ports()).containsExactly(8080, 9090);
        assertThat(container.files()).containsEntry("/app/classes", "target/classes");
        assertThat(container.waitFor()).isEqualTo("/health");
        assertThat(container.readyTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(plan.target().links()).containsExactly("client->app");
    }

    @Test
    void aContainerFileWithARelativeContainerPathIsRefused() {
        Problem p = onlyProblemOf("container-relative-file.yaml");
        assertThat(p.path()).isEqualTo("target.container");
        assertThat(p.message()).contains("files: 'app/classes' must be an absolute path in the container");
    }

    @Test
    void twoTargetKindsAtOnceAreRefused() {
        Problem p = onlyProblemOf("two-target-kinds.yaml");
        assertThat(p.path()).isEqualTo("target");
        assertThat(p.message()).contains("a target is one of cluster, http, command, container, not several");
    }
}
