package dev.faultline.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.balancer.BalancerSettings;
import dev.faultline.cluster.balancer.BreakerSettings;
import dev.faultline.cluster.balancer.HealthCheckSettings;
import dev.faultline.cluster.balancer.LimiterSettings;
import dev.faultline.cluster.balancer.Strategy;
import dev.faultline.plan.BalancerSpec;
import dev.faultline.plan.BreakerSpec;
import dev.faultline.plan.ClusterSpec;
import dev.faultline.plan.LimiterSpec;
import dev.faultline.plan.Percentage;
import dev.faultline.plan.Rate;
import dev.faultline.plan.StoreSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BalancerSettingsFromPlanTest {

    @Test
    void planKeysBecomeTheBalancersSettings() {
        ClusterSpec cluster = new ClusterSpec(ClusterSpec.Isolation.IN_JVM, StoreSpec.DEFAULTS,
                new BalancerSpec(4, BalancerSpec.Strategy.CONSISTENT_HASH, "ip", 32,
                        new BalancerSpec.HealthCheckSpec(Duration.ofMillis(300), Duration.ofMillis(100), 3, 2)),
                new BreakerSpec(false, new Percentage(30), Duration.ofMillis(80), null, 10, Duration.ofSeconds(1), 2),
                new LimiterSpec(new Rate(50), 10, "ip", new Rate(500)));

        BalancerSettings settings = BalancerSettingsFromPlan.of(cluster);

        assertThat(settings).isEqualTo(new BalancerSettings(4, Strategy.CONSISTENT_HASH, "ip", 32,
                new HealthCheckSettings(Duration.ofMillis(300), Duration.ofMillis(100), 3, 2),
                new BreakerSettings(false, 30, Duration.ofMillis(80), 30, 10, Duration.ofSeconds(1), 2),
                new LimiterSettings(50, 10, "ip", 500), null));
    }

    @Test
    void aLimiterSwitchedOffLimitsNobody() {
        ClusterSpec cluster = new ClusterSpec(null, null, null, null,
                new LimiterSpec(false, new Rate(20), 5, null, null));

        assertThat(BalancerSettingsFromPlan.of(cluster).limiter()).isNull();
    }

    @Test
    void standbyInThePlanMakesTheBalancerOneOfAPair() {
        ClusterSpec cluster = new ClusterSpec(null, null,
                new BalancerSpec(7, BalancerSpec.Strategy.ROUND_ROBIN, null, null, null, true));

        assertThat(BalancerSettingsFromPlan.of(cluster).standby()).isTrue();
    }

    @Test
    void aPlanWithoutBalancerKeysGivesTheDefaultBalancer() {
        ClusterSpec cluster = new ClusterSpec(null, null, null);

        assertThat(BalancerSettingsFromPlan.of(cluster)).isEqualTo(BalancerSettings.DEFAULTS);
    }

    @Test
    void theNodesOfACommandAreHealthCheckedOnTheirReadyPathByDefault() {
        assertThat(BalancerSettingsFromPlan.forNodes(null, "/ready")).isEqualTo(BalancerSettings.DEFAULTS
                .withHealthCheck(HealthCheckSettings.DEFAULTS.withPath("/ready")));
        assertThat(BalancerSettingsFromPlan.forNodes(null, null)).isEqualTo(BalancerSettings.DEFAULTS);
    }

    @Test
    void aCommandsHealthCheckKeysKeepTheReadyPathUnlessTheyNameOneAndCanTurnTheChecksOff() {
        BalancerSpec timed = new BalancerSpec(7, null, null, null,
                new BalancerSpec.HealthCheckSpec(Duration.ofMillis(100), null, 1, null, null, null), true);
        BalancerSpec named = new BalancerSpec(7, null, null, null,
                new BalancerSpec.HealthCheckSpec(null, null, null, null, "/healthz", null), null);
        BalancerSpec off = new BalancerSpec(7, null, null, null,
                new BalancerSpec.HealthCheckSpec(null, null, null, null, null, false), null);

        BalancerSettings settings = BalancerSettingsFromPlan.forNodes(timed, "/ready");
        assertThat(settings.healthCheck()).isEqualTo(
                new HealthCheckSettings(Duration.ofMillis(100), Duration.ofMillis(200), 1, 2, "/ready"));
        assertThat(settings.standby()).isTrue();
        assertThat(BalancerSettingsFromPlan.forNodes(named, "/ready").healthCheck().path()).isEqualTo("/healthz");
        assertThat(BalancerSettingsFromPlan.forNodes(off, "/ready").healthCheck()).isNull();
    }
}
