package dev.faultline.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.cluster.balancer.BalancerSettings;
import dev.faultline.cluster.balancer.HealthCheckSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Three instances of a real service (HelloServer, each its own JVM) behind the bundled balancer, on 127.0.0.1. */
@Timeout(150)
class CommandNodesTargetIT {
    /** Quick health checks with a timeout that a loaded machine meets. */
    private static final BalancerSettings QUICK_CHECKS = BalancerSettings.DEFAULTS.withHealthCheck(
            new HealthCheckSettings(Duration.ofMillis(200), Duration.ofSeconds(1), 2, 2, "/health"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @TempDir
    Path workDir;

    private CommandTargetConfig threeNodes(List<String> command, Map<String, String> env) {
        return new CommandTargetConfig("app", command, env, 0, "/health", Duration.ofSeconds(60), null, workDir,
                null, 3, QUICK_CHECKS);
    }

    private CommandTargetConfig threeHelloServers() throws Exception {
        return threeNodes(CommandTargetIT.helloServer("${port}"), Map.of("APP_NAME", "${name}"));
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        // generous: a fresh JVM behind a fresh balancer on a busy 2-core machine can take seconds to answer first
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Which instance answered each of {@code count} requests to {@code /hello}, counted by name. */
    private Map<String, Integer> answers(CommandNodesTarget target, int count) throws Exception {
        Map<String, Integer> by = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = get(target.serviceUri().resolve("/hello"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            by.merge(response.body().replace("hello from ", ""), 1, Integer::sum);
        }
        return by;
    }

    @Test
    void threeInstancesStartBehindTheBalancerAndTheLoadIsSpreadAcrossThem() throws Exception {
        try (CommandNodesTarget target = CommandNodesTarget.start(threeHelloServers())) {
            assertThat(target.components()).containsOnlyKeys("fault-proxy", "app1", "app2", "app3", "lb");
            assertThat(target.links()).containsOnlyKeys("client->lb", "lb->app1", "lb->app2", "lb->app3");
            assertThat(target.components().get("app2").kind()).isEqualTo(Component.Kind.SERVICE);
            assertThat(target.components().get("lb").processControl()).isPresent();
            assertThat(target.components().get("lb").metricsUrl()).isPresent();
            Set<Integer> ports = target.components().values().stream().map(c -> c.address().getPort())
                    .collect(Collectors.toSet());
            assertThat(ports).hasSize(5);

            Map<String, Integer> answers = answers(target, 30);

            assertThat(answers).containsOnlyKeys("app1", "app2", "app3");
            assertThat(answers.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));
            assertThat(target.verifyHealed().verified()).isTrue();
        }
    }

    @Test
    void crashingOneInstanceLeavesTheServiceAnsweringThroughTheOthersAndItRestartsOnItsPort() throws Exception {
        try (CommandNodesTarget target = CommandNodesTarget.start(threeHelloServers())) {
            Component app2 = target.components().get("app2");
            ProcessControl control = app2.processControl().orElseThrow();
            long firstPid = control.pid();

            control.kill();
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
            // until the health checks notice, a request may still be sent to app2 and fail; then none is
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> answers(target, 6).keySet().equals(Set.of("app1", "app3")));
            assertThat(answers(target, 20)).containsOnlyKeys("app1", "app3");
            assertThat(target.verifyHealed().leftovers()).anyMatch(l -> l.startsWith("app2: process " + firstPid));

            control.restart();
            assertThat(control.pid()).isNotEqualTo(firstPid);
            assertThat(get(app2.url().resolve("/hello")).body()).isEqualTo("hello from app2");
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> answers(target, 6).containsKey("app2"));
            assertThat(target.verifyHealed().verified()).isTrue();
        }
    }

    @Test
    void closingStopsEveryProcessItStartedAndEachInstanceKeepsItsOutput() throws Exception {
        List<ProcessHandle> processes = new ArrayList<>();
        try (CommandNodesTarget target = CommandNodesTarget.start(threeHelloServers())) {
            for (Component component : target.components().values()) {
                component.processControl().ifPresent(p -> processes.add(ProcessHandle.of(p.pid()).orElseThrow()));
            }
            assertThat(processes).as("three instances and the balancer").hasSize(4);
            assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid))
                    .containsAll(processes.stream().map(ProcessHandle::pid).toList());
            answers(target, 3);
        }

        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        for (String name : List.of("app1", "app2", "app3")) {
            assertThat(Files.readString(workDir.resolve(name).resolve(name + ".out"))).contains("listening on");
            assertThat(Files.readString(workDir.resolve(name).resolve(name + ".log"))).contains("log line from " + name);
        }
        assertThat(workDir.resolve("lb/lb.log")).exists();
    }

    @Test
    void withPeersEachInstanceReachesTheOthersThroughItsOwnLinks() throws Exception {
        String java = String.join(" ", CommandTargetIT.helloServer("$PORT"));
        CommandTargetConfig config = threeNodes(List.of("sh", "-c", "echo \"node $NODE of $NODES peers $PEERS\"; exec "
                + java), Map.of("PORT", "${port}", "NODE", "${node}", "NODES", "${nodes}", "PEERS", "${peers}",
                "APP_NAME", "${name}"));
        try (CommandNodesTarget target = CommandNodesTarget.start(config)) {
            assertThat(target.links()).containsKeys("app1->app2", "app1->app3", "app2->app1", "app2->app3",
                    "app3->app1", "app3->app2");
            String line = Files.readString(workDir.resolve("app1/app1.out")).lines().findFirst().orElseThrow();
            assertThat(line).startsWith("node 1 of 3 peers 127.0.0.1:");
            List<String> peers = List.of(line.substring(line.indexOf("peers ") + 6).split(","));
            assertThat(peers).containsExactly(
                    "127.0.0.1:" + target.links().get("app1->app2").listen().getPort(),
                    "127.0.0.1:" + target.links().get("app1->app3").listen().getPort());

            assertThat(get(URI.create("http://" + peers.get(1) + "/hello")).body()).isEqualTo("hello from app3");
        }
    }

    @Test
    void anInstanceThatFailsToStartFailsTheTargetNamingItAndStopsTheOthers() throws Exception {
        String java = String.join(" ", CommandTargetIT.helloServer("$PORT"));
        CommandTargetConfig config = threeNodes(List.of("sh", "-c",
                "if [ \"$NODE\" = 2 ]; then echo 'no data dir for node 2' >&2; exit 3; fi; exec " + java),
                Map.of("PORT", "${port}", "NODE", "${node}"));
        List<ProcessHandle> before = ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();

        assertThatThrownBy(() -> CommandNodesTarget.start(config))
                .isInstanceOf(TargetStartException.class)
                .hasMessageContaining("app2 exited with status 3 before it was ready")
                .hasMessageContaining("no data dir for node 2");

        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).containsExactlyElementsOf(before);
    }

    @Test
    void eachStartRefusesTheOtherNumberOfNodesBeforeStartingAnything() throws Exception {
        CommandTargetConfig one = new CommandTargetConfig("app", CommandTargetIT.helloServer("${port}"), Map.of(), 0,
                "/health", null, null, workDir, null);
        assertThatThrownBy(() -> CommandNodesTarget.start(one)).hasMessageContaining("CommandTarget.start");
        assertThatThrownBy(() -> CommandTarget.start(threeHelloServers()))
                .hasMessageContaining("CommandNodesTarget.start");
    }
}
