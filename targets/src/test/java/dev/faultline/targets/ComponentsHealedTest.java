package dev.faultline.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the heal verification says about component processes: dead and paused ones are leftovers, others are not. */
class ComponentsHealedTest {
    private static final InetSocketAddress NOWHERE = new InetSocketAddress("127.0.0.1", 9);

    private static Component balancer(String name, boolean alive, boolean paused) {
        return new Component(name, Component.Kind.BALANCER, NOWHERE, Optional.of(new FixedProcess(alive, paused)));
    }

    @Test
    void aDeadOrPausedProcessIsALeftoverARunningOneAndAnInJvmComponentAreNot() {
        List<String> leftovers = ComponentsHealed.leftovers(List.of(
                balancer("lb", true, false),
                balancer("lb2", false, false),
                balancer("lb3", true, true),
                Component.inJvm("fault-proxy", Component.Kind.FAULT_PROXY, NOWHERE)));

        assertThat(leftovers).containsExactly(
                "lb2: process 42 is not running (crashed and not restarted)",
                "lb3: process 42 is paused (SIGSTOP)");
    }

    @Test
    void aStoreNodeWhoseClockCannotBeReadIsALeftoverThatSaysSo() {
        Component n1 = Component.inJvm("n1", Component.Kind.STORE, NOWHERE);

        assertThat(ComponentsHealed.leftovers(List.of(n1))).singleElement().asString()
                .startsWith("n1: its clock could not be read: cannot reach the clock hook of n1");
    }

    private record FixedProcess(boolean alive, boolean paused) implements ProcessControl {
        @Override
        public long pid() {
            return 42;
        }

        @Override
        public boolean isAlive() {
            return alive;
        }

        @Override
        public boolean isPaused() {
            return paused;
        }

        @Override
        public void kill() {
            throw new UnsupportedOperationException("not used by the verification");
        }

        @Override
        public void pause() {
            throw new UnsupportedOperationException("not used by the verification");
        }

        @Override
        public void resume() {
            throw new UnsupportedOperationException("not used by the verification");
        }

        @Override
        public void stop() {
            throw new UnsupportedOperationException("not used by the verification");
        }

        @Override
        public void restart() {
            throw new UnsupportedOperationException("not used by the verification");
        }

        @Override
        public Path dataDir() {
            return Path.of("unused");
        }

        @Override
        public Path log() {
            return Path.of("unused");
        }
    }
}
