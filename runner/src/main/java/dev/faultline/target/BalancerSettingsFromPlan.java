package dev.faultline.target;

import dev.faultline.cluster.balancer.BalancerSettings;
import dev.faultline.cluster.balancer.BreakerSettings;
import dev.faultline.cluster.balancer.HealthCheckSettings;
import dev.faultline.cluster.balancer.LimiterSettings;
import dev.faultline.cluster.balancer.Strategy;
import dev.faultline.plan.BalancerSpec;
import dev.faultline.plan.BreakerSpec;
import dev.faultline.plan.ClusterSpec;
import dev.faultline.plan.LimiterSpec;

/**
 * Translates a plan's {@code balancer}, {@code breaker} and {@code limiter} keys into the balancer's settings: the
 * reference cluster's, and those of the balancer in front of a command's nodes.
 */
final class BalancerSettingsFromPlan {
    private BalancerSettingsFromPlan() {
    }

    static BalancerSettings of(ClusterSpec cluster) {
        BalancerSpec balancer = cluster.balancer();
        return new BalancerSettings(balancer.layer(), strategy(balancer.strategy()), balancer.hashKey(),
                balancer.virtualNodes(), healthCheck(balancer.healthCheck(), null), breaker(cluster.breaker()),
                limiter(cluster.limiter()), null, balancer.standby());
    }

    /**
     * The balancer in front of a command's nodes: without a {@code health-check} key it checks {@code readyPath}
     * with the default timing (no checks when there is no ready path); with one, its path defaults to
     * {@code readyPath} (then {@code /health}), and {@code enabled: false} turns the checks off.
     *
     * @param balancer  the plan's {@code balancer} block, or null for the defaults
     * @param readyPath the path of the service's ready probe on its own port, or null
     */
    static BalancerSettings forNodes(BalancerSpec balancer, String readyPath) {
        BalancerSpec given = balancer == null ? BalancerSpec.DEFAULTS : balancer;
        HealthCheckSettings health = given.healthCheck() != null ? healthCheck(given.healthCheck(), readyPath)
                : readyPath == null ? null : HealthCheckSettings.DEFAULTS.withPath(readyPath);
        return new BalancerSettings(given.layer(), strategy(given.strategy()), given.hashKey(), given.virtualNodes(),
                health, null, null, null, given.standby());
    }

    private static Strategy strategy(BalancerSpec.Strategy strategy) {
        return switch (strategy) {
            case ROUND_ROBIN -> Strategy.ROUND_ROBIN;
            case LEAST_CONNECTIONS -> Strategy.LEAST_CONNECTIONS;
            case CONSISTENT_HASH -> Strategy.CONSISTENT_HASH;
        };
    }

    private static HealthCheckSettings healthCheck(BalancerSpec.HealthCheckSpec spec, String defaultPath) {
        return spec == null || !spec.enabled() ? null
                : new HealthCheckSettings(spec.interval(), spec.timeout(), spec.unhealthyAfter(), spec.healthyAfter(),
                        spec.path() != null ? spec.path() : defaultPath);
    }

    private static BreakerSettings breaker(BreakerSpec spec) {
        return spec == null ? null
                : new BreakerSettings(spec.enabled(), spec.failureRate().percent(), spec.slowCall(),
                        spec.slowCallRate().percent(), spec.window(), spec.openFor(), spec.halfOpenCalls());
    }

    /** None when the plan has none, or switches it off ({@code enabled: false}, a seeded defect). */
    private static LimiterSettings limiter(LimiterSpec spec) {
        return spec == null || !spec.enabled() ? null
                : new LimiterSettings(spec.rate().perSecond(), spec.burst(), spec.key(),
                        spec.global() == null ? 0 : spec.global().perSecond());
    }
}
