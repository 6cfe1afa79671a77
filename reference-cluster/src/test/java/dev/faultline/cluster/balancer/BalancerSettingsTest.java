package dev.faultline.cluster.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalancerSettingsTest {

    @Test
    void layerOtherThanSevenOrFourIsRefusedNamingTheField() {
        assertThatThrownBy(() -> BalancerSettings.DEFAULTS.withLayer(5))
                .hasMessage("'layer' must be 7 (HTTP) or 4 (TCP), but is 5");
    }

    @Test
    void layerFourCannotHashOnAHeader() {
        assertThatThrownBy(() -> BalancerSettings.DEFAULTS.withLayer(4)
                .withStrategy(Strategy.CONSISTENT_HASH, "header:X-Client-Id"))
                .hasMessageContaining("'hashKey' must be 'ip' at layer 4");
    }

    @Test
    void layerFourHashesTheClientAddressByDefault() {
        assertThat(BalancerSettings.DEFAULTS.withLayer(4).hashKey()).isEqualTo("ip");
        assertThat(BalancerSettings.DEFAULTS.hashKey()).isEqualTo("header:X-Client-Id");
    }

    @Test
    void malformedHashKeyIsRefused() {
        assertThatThrownBy(() -> BalancerSettings.DEFAULTS.withStrategy(Strategy.CONSISTENT_HASH, "query:id"))
                .hasMessage("a client key must be 'header:NAME', 'cookie:NAME' or 'ip', but is 'query:id'");
    }

    @Test
    void breakerWindowBelowOneIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new BreakerSettings(true, 50, null, Double.NaN, 0, Duration.ofSeconds(1), 1))
                .hasMessage("'window' must be at least 1, but is 0");
    }

    @Test
    void slowCallRateDefaultsToTheFailureRate() {
        assertThat(new BreakerSettings(true, 40, Duration.ofMillis(50), Double.NaN, 10, null, 1).slowCallRatePercent())
                .isEqualTo(40);
    }

    @Test
    void limiterRateOfZeroIsRefused() {
        assertThatThrownBy(() -> new LimiterSettings(0, 1, null, 0))
                .hasMessage("'ratePerSecond' must be a number above 0, but is 0.0");
    }

    @Test
    void healthCheckNeedsAtLeastOneFailureToTurnUnhealthy() {
        assertThatThrownBy(() -> new HealthCheckSettings(null, null, 0, 1))
                .hasMessage("'unhealthyAfter' must be at least 1, but is 0");
    }

    @Test
    void aHealthCheckPathMustBeAnAbsolutePathAndDefaultsToHealth() {
        assertThat(HealthCheckSettings.DEFAULTS.path()).isEqualTo("/health");
        assertThatThrownBy(() -> HealthCheckSettings.DEFAULTS.withPath("ready"))
                .hasMessage("'path' must start with '/' and hold no spaces or control characters, but is 'ready'");
    }

    @Test
    void configSurvivesAJsonRoundTripForAnotherProcess() throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        BalancerSettings settings = BalancerSettings.DEFAULTS
                .withStrategy(Strategy.CONSISTENT_HASH, "cookie:session")
                .withHealthCheck(HealthCheckSettings.DEFAULTS.withPath("/actuator/health"))
                .withBreaker(new BreakerSettings(true, 50, Duration.ofMillis(200), 80, 20, Duration.ofSeconds(2), 3))
                .withLimiter(new LimiterSettings(100, 20, "ip", 1000));
        BalancerConfig config = new BalancerConfig("lb", "127.0.0.1", 8080,
                List.of(new Backend("n1", new InetSocketAddress("127.0.0.1", 9001))), Duration.ofSeconds(3), 9100,
                settings);

        BalancerConfig back = json.readValue(json.writeValueAsString(config), BalancerConfig.class);

        assertThat(back).isEqualTo(config);
    }
}
