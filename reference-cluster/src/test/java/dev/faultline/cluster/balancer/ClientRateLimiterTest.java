package dev.faultline.cluster.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {
    private final MutableClock clock = new MutableClock();

    private int accepted(ClientRateLimiter limiter, String client, int attempts) {
        int accepted = 0;
        for (int i = 0; i < attempts; i++) {
            if (limiter.tryAcquire(client).accepted()) {
                accepted++;
            }
        }
        return accepted;
    }

    @Test
    void aClientGetsItsBurstAtOnceThenRatePerSecond() {
        ClientRateLimiter limiter = new ClientRateLimiter(new LimiterSettings(10, 5, null, 0), clock);

        int atOnce = accepted(limiter, "c1", 50);
        int perSecond = 0;
        for (int s = 0; s < 3; s++) {
            for (int tick = 0; tick < 10; tick++) {
                clock.advance(Duration.ofMillis(100));
                perSecond += accepted(limiter, "c1", 5);
            }
        }

        assertThat(atOnce).isEqualTo(5);
        assertThat(perSecond).isEqualTo(30);
    }

    @Test
    void clientsHaveBucketsOfTheirOwn() {
        ClientRateLimiter limiter = new ClientRateLimiter(new LimiterSettings(1, 2, null, 0), clock);

        assertThat(accepted(limiter, "c1", 10)).isEqualTo(2);
        assertThat(accepted(limiter, "c2", 10)).isEqualTo(2);
    }

    @Test
    void refusalTellsWhenToRetryAndNamesTheClientAndLimit() {
        ClientRateLimiter limiter = new ClientRateLimiter(new LimiterSettings(0.5, 1, null, 0), clock);
        limiter.tryAcquire("c1");

        ClientRateLimiter.Decision refused = limiter.tryAcquire("c1");

        assertThat(refused.accepted()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(2);
        assertThat(refused.remaining()).isZero();
        assertThat(refused.limit()).isEqualTo(1);
        assertThat(refused.reason()).isEqualTo("client c1 is over its rate limit of 0.5/s (burst 1)");
    }

    @Test
    void theGlobalLimitCapsAllClientsTogetherWithoutUsingTheirTokens() {
        ClientRateLimiter limiter = new ClientRateLimiter(new LimiterSettings(100, 100, null, 3), clock);

        int total = accepted(limiter, "c1", 2) + accepted(limiter, "c2", 2) + accepted(limiter, "c3", 2);
        ClientRateLimiter.Decision refused = limiter.tryAcquire("c4");

        assertThat(total).isEqualTo(3);
        assertThat(refused.reason()).contains("global rate limit of 3/s");
        clock.advance(Duration.ofSeconds(1));
        assertThat(accepted(limiter, "c3", 3)).isEqualTo(3);
    }

    @Test
    void idleBucketsAreEvictedOnceTheyWouldBeFullAgain() {
        ClientRateLimiter limiter = new ClientRateLimiter(new LimiterSettings(10, 10, null, 0), clock);
        for (int i = 0; i < 500; i++) {
            limiter.tryAcquire("client-" + i);
        }
        clock.advance(Duration.ofMillis(500));
        limiter.tryAcquire("client-0");
        limiter.evictIdle();
        assertThat(limiter.clients()).isEqualTo(500);

        clock.advance(Duration.ofMillis(1_001));
        limiter.evictIdle();

        assertThat(limiter.clients()).isZero();
    }
}
