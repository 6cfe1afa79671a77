package dev.faultline.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.cluster.balancer.BalancerSettings;
import dev.faultline.cluster.balancer.HealthCheckSettings;
import dev.faultline.cluster.balancer.Strategy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandTargetConfigTest {

    private static CommandTargetConfig config(List<String> command, Map<String, String> env, int port, String ready) {
        return new CommandTargetConfig("api", command, env, port, ready, null, null, null, null);
    }

    @Test
    void portAndNamePlaceholdersAreReplacedInTheCommandTheEnvironmentAndTheReadyUrl() {
        CommandTargetConfig config = config(List.of("serve", "--port=${port}", "--name", "${name}"),
                Map.of("LISTEN", "127.0.0.1:${port}"), 0, "http://127.0.0.1:${port}/${name}/health");

        assertThat(config.resolvedCommand(41000)).containsExactly("serve", "--port=41000", "--name", "api");
        assertThat(config.resolvedEnvironment(41000)).containsExactly(Map.entry("LISTEN", "127.0.0.1:41000"));
        assertThat(config.resolvedReady(41000)).isEqualTo(URI.create("http://127.0.0.1:41000/api/health"));
        assertThat(config.readyTimeout()).isEqualTo(CommandTargetConfig.DEFAULT_READY_TIMEOUT);
    }

    @Test
    void aReadyPathIsPolledOnTheServicesOwnAddress() {
        assertThat(config(List.of("serve"), Map.of(), 8080, "/health").resolvedReady(8080))
                .isEqualTo(URI.create("http://127.0.0.1:8080/health"));
        assertThat(config(List.of("serve"), Map.of(), 8080, null).resolvedReady(8080)).isNull();
    }

    @Test
    void aServiceWhosePortIsNeitherGivenNorPassedIsRefused() {
        assertThatThrownBy(() -> config(List.of("serve"), Map.of(), 0, "/health"))
                .hasMessageContaining("the service's port is unknown");
    }

    @Test
    void theBuiltInComponentNamesAndAnEmptyCommandAreRefused() {
        assertThatThrownBy(() -> new CommandTargetConfig("client", List.of("serve"), null, 8080, null, null, null, null, null))
                .hasMessageContaining("'client' is taken");
        assertThatThrownBy(() -> config(List.of(), Map.of(), 8080, null)).hasMessageContaining("run: give the command");
        assertThatThrownBy(() -> new CommandTargetConfig("api", List.of("serve"), null, 8080, null, Duration.ZERO,
                null, null, null)).hasMessageContaining("ready-timeout must be positive");
    }

    private static CommandTargetConfig nodes(int nodes, List<String> command, Map<String, String> env, String ready,
            BalancerSettings balancer) {
        return new CommandTargetConfig("app", command, env, 0, ready, null, null, null, null, nodes, balancer);
    }

    @Test
    void eachInstanceGetsItsOwnNamePortNumberAndPeers() {
        CommandTargetConfig config = nodes(3, List.of("serve", "--port=${port}", "--id=${node}/${nodes}",
                "--peers=${peers}"), Map.of("DATA", "data/${name}"), "/health", null);
        CommandTargetConfig.Instance second = new CommandTargetConfig.Instance("app2", 2, 41002,
                List.of(new InetSocketAddress("127.0.0.1", 45001), new InetSocketAddress("127.0.0.1", 45003)));

        assertThat(config.instanceNames()).containsExactly("app1", "app2", "app3");
        assertThat(config.resolvedCommand(second)).containsExactly("serve", "--port=41002", "--id=2/3",
                "--peers=127.0.0.1:45001,127.0.0.1:45003");
        assertThat(config.resolvedEnvironment(second)).containsExactly(Map.entry("DATA", "data/app2"));
        assertThat(config.resolvedReady(second)).isEqualTo(URI.create("http://127.0.0.1:41002/health"));
        assertThat(config.usesPeers()).isTrue();
    }

    @Test
    void aSingleNodeIsNamedAfterTheTargetWithNodeOneAndNoPeers() {
        CommandTargetConfig config = config(List.of("serve", "${port}", "${name}", "${node}/${nodes}", "[${peers}]"),
                Map.of(), 0, null);

        assertThat(config.nodes()).isEqualTo(1);
        assertThat(config.instanceNames()).containsExactly("api");
        assertThat(config.resolvedCommand(41000)).containsExactly("serve", "41000", "api", "1/1", "[]");
        assertThat(config.balancer()).isNull();
    }

    @Test
    void severalNodesGetARoundRobinBalancerThatHealthChecksTheReadyPath() {
        List<String> serve = List.of("serve", "${port}");
        assertThat(nodes(2, serve, Map.of(), "/ready", null).balancer()).isEqualTo(BalancerSettings.DEFAULTS
                .withHealthCheck(HealthCheckSettings.DEFAULTS.withPath("/ready")));
        assertThat(nodes(2, serve, Map.of(), "http://127.0.0.1:${port}/actuator/health?deep", null).balancer()
                .healthCheck().path()).isEqualTo("/actuator/health?deep");
        assertThat(nodes(2, serve, Map.of(), "http://127.0.0.1:9090/health", null).balancer().healthCheck())
                .as("a ready URL on another port says nothing of the service port").isNull();
        assertThat(nodes(2, serve, Map.of(), null, null).balancer().healthCheck())
                .as("readiness is an open port: no HTTP path to check").isNull();
        BalancerSettings given = BalancerSettings.DEFAULTS.withStrategy(Strategy.LEAST_CONNECTIONS, null);
        assertThat(nodes(2, serve, Map.of(), "/ready", given).balancer()).isEqualTo(given);
        assertThat(nodes(2, serve, Map.of(), "/ready", null).usesPeers()).isFalse();
    }

    @Test
    void nodesOutOfRangeAFixedPortTheBalancersNameAndABalancerForOneNodeAreRefused() {
        List<String> serve = List.of("serve", "${port}");
        assertThatThrownBy(() -> nodes(0, serve, Map.of(), null, null))
                .hasMessage("nodes: 0 must lie between 1 and 32");
        assertThatThrownBy(() -> nodes(33, serve, Map.of(), null, null))
                .hasMessage("nodes: 33 must lie between 1 and 32");
        assertThatThrownBy(() -> new CommandTargetConfig("app", List.of("serve"), null, 8080, null, null, null, null,
                null, 3, null)).hasMessageContaining("port: with 3 nodes each instance needs a port of its own");
        assertThatThrownBy(() -> new CommandTargetConfig("lb", serve, null, 0, null, null, null, null, null, 2, null))
                .hasMessageContaining("'lb' is taken by the balancer");
        assertThatThrownBy(() -> nodes(1, serve, Map.of(), null, BalancerSettings.DEFAULTS))
                .hasMessageContaining("balancer: one node has no balancer in front of it");
    }
}
