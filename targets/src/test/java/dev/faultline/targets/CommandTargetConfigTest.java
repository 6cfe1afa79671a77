package dev.faultline.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
