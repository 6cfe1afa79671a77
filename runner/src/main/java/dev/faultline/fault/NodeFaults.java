package dev.faultline.fault;

import dev.faultline.faults.network.FaultHandle;
import dev.faultline.plan.FaultSpec;
import dev.faultline.targets.Component;
import dev.faultline.targets.ContainerTarget;
import dev.faultline.targets.ProcessControl;
import dev.faultline.targets.StoreClock;
import dev.faultline.targets.Target;
import java.time.Duration;

/**
 * The faults on one component of a target: {@code crash} (SIGKILL; healed by a restart on the same port and data that
 * answers its health check), {@code pause} (SIGSTOP; healed by SIGCONT) and {@code clock-skew} (the store's clock
 * hook; healed by a skew of 0) and {@code disconnect} (a container off its Docker networks; healed by connecting it
 * again). Each returns once the fault is in place, and its handle heals once.
 */
final class NodeFaults {
    /** How long a restarted component may take to answer its health check after its ready line. */
    static final Duration HEALTHY_WITHIN = Duration.ofSeconds(10);

    private NodeFaults() {
    }

    static FaultHandle crash(Target target, FaultSpec fault) {
        Component component = component(target, fault);
        ProcessControl process = process(component, "crash");
        process.kill();
        return once(() -> {
            process.restart();
            ComponentHealth.await(component, HEALTHY_WITHIN);
        });
    }

    static FaultHandle pause(Target target, FaultSpec fault) {
        ProcessControl process = process(component(target, fault), "pause");
        process.pause();
        return once(() -> {
            if (process.isAlive()) {
                process.resume();
            }
        });
    }

    static FaultHandle clockSkew(Target target, FaultSpec fault) {
        StoreClock clock = StoreClock.of(component(target, fault));
        clock.skew(fault.clockSkew().skew());
        return once(() -> clock.skew(Duration.ZERO));
    }

    static FaultHandle disconnect(Target target, FaultSpec fault) {
        Component component = component(target, fault);
        if (!(target instanceof ContainerTarget container)) {
            throw new IllegalArgumentException("cannot disconnect " + component.name()
                    + ": disconnect acts on a container target's service, through the Docker API");
        }
        container.disconnect();
        return once(container::reconnect);
    }

    private static Component component(Target target, FaultSpec fault) {
        Component component = target.components().get(fault.node());
        if (component == null) {
            throw new IllegalArgumentException("the target has no component '" + fault.node() + "' (components: "
                    + String.join(", ", target.components().keySet()) + ")");
        }
        return component;
    }

    private static ProcessControl process(Component component, String kind) {
        return component.processControl().orElseThrow(() -> new IllegalArgumentException("cannot " + kind + " "
                + component.name() + ": it runs inside the runner's JVM, not as a process of its own"));
    }

    /** A handle that heals once: a second call (the schedule's close after its time ended) does nothing. */
    private static FaultHandle once(Runnable heal) {
        return new FaultHandle() {
            private boolean healed;

            @Override
            public synchronized void heal() {
                if (!healed) {
                    healed = true;
                    heal.run();
                }
            }
        };
    }
}
