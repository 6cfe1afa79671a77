package dev.faultline.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.faults.network.Link;
import dev.faultline.faults.network.LinkFaults;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetStartupTest {
    private final List<String> events = new ArrayList<>();

    /** A target whose start fails with {@code failure} on the attempts listed, and records starts and closes. */
    private final class Attempt implements Target {
        private final int number;

        Attempt(int number) {
            this.number = number;
        }

        void start(List<String> failures) {
            events.add("start " + number);
            String failure = number <= failures.size() ? failures.get(number - 1) : null;
            if (failure != null) {
                throw new TargetStartException(failure, new IllegalStateException(failure));
            }
        }

        @Override
        public String description() {
            return "attempt " + number;
        }

        @Override
        public URI serviceUri() {
            return URI.create("http://127.0.0.1:1");
        }

        @Override
        public Map<String, Link> links() {
            return Map.of();
        }

        @Override
        public Map<String, Component> components() {
            return Map.of();
        }

        @Override
        public LinkFaults linkFaults() {
            return null;
        }

        @Override
        public void close() {
            events.add("close " + number);
        }
    }

    private Attempt start(List<String> failures) {
        int[] attempts = {0};
        return TargetStartup.guarded(() -> new Attempt(++attempts[0]), t -> () -> t.start(failures), "the target");
    }

    @Test
    void aPortTakenBeforeItWasBoundIsPickedAgainOnce() {
        Attempt target = start(List.of("n1 could not listen on 127.0.0.1:4000: Address already in use"));

        assertThat(target.description()).isEqualTo("attempt 2");
        assertThat(events).containsExactly("start 1", "close 1", "start 2");
    }

    @Test
    void anyOtherFailureOrASecondTakenPortIsNotRetried() {
        assertThatThrownBy(() -> start(List.of("n1 exited with status 1"))).hasMessage("n1 exited with status 1");
        assertThat(events).containsExactly("start 1", "close 1");

        events.clear();
        String taken = "Address already in use";
        assertThatThrownBy(() -> start(List.of(taken, taken))).hasMessage(taken);
        assertThat(events).containsExactly("start 1", "close 1", "start 2", "close 2");
    }
}
