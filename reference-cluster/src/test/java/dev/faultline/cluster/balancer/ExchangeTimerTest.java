package dev.faultline.cluster.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExchangeTimerTest {
    private final MockTicker ticker = Ticker.newMockTicker();
    private final EmbeddedChannel channel = EmbeddedChannel.builder().ticker(ticker).build();
    private final ExchangeTimer timer = new ExchangeTimer(channel.eventLoop(), TimeUnit.SECONDS.toNanos(10));
    private final List<String> expired = new ArrayList<>();

    private ExchangeTimer.Entry entry(String name) {
        return new ExchangeTimer.Entry() {
            @Override
            void expired() {
                expired.add(name);
            }
        };
    }

    private void after(long seconds) {
        ticker.advance(seconds, TimeUnit.SECONDS);
        channel.runPendingTasks();
    }

    @Test
    void anEntryStillWaitingAtItsDeadlineExpires() {
        timer.add(entry("a"));

        after(9);
        assertThat(expired).isEmpty();
        after(1);
        assertThat(expired).containsExactly("a");
    }

    @Test
    void anEntryRemovedBeforeItsDeadlineNeverExpires() {
        ExchangeTimer.Entry a = entry("a");
        timer.add(a);
        timer.remove(a);
        timer.remove(a);

        after(20);
        assertThat(expired).isEmpty();
    }

    @Test
    void eachEntryExpiresAtItsOwnDeadlineInTheOrderTheyStarted() {
        timer.add(entry("a"));
        after(4);
        ExchangeTimer.Entry b = entry("b");
        timer.add(b);
        timer.add(entry("c"));
        after(3);
        timer.add(entry("d"));
        timer.remove(b);

        after(3);
        assertThat(expired).containsExactly("a");
        after(4);
        assertThat(expired).containsExactly("a", "c");
        after(3);
        assertThat(expired).containsExactly("a", "c", "d");
    }

    @Test
    void anEntryCanBeAddedAgainAfterItExpired() {
        ExchangeTimer.Entry a = entry("a");
        timer.add(a);
        after(10);
        timer.add(a);
        after(10);

        assertThat(expired).containsExactly("a", "a");
    }
}
