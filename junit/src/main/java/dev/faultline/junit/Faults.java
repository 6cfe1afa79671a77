package dev.faultline.junit;

import dev.faultline.fault.FaultInjector;
import dev.faultline.fault.FaultTypes;
import dev.faultline.faults.network.FaultHandle;
import dev.faultline.plan.BandwidthFault;
import dev.faultline.plan.BlackholeFault;
import dev.faultline.plan.ClockSkewFault;
import dev.faultline.plan.CrashFault;
import dev.faultline.plan.DisconnectFault;
import dev.faultline.plan.FaultSpec;
import dev.faultline.plan.PartitionFault;
import dev.faultline.plan.PauseFault;
import dev.faultline.plan.ResetFault;
import dev.faultline.run.DrivenRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Faults on the test's target, each in place from the call until its {@link ActiveFault} is closed: the same kinds,
 * the same component and link names, and the same healing as a plan's {@code faults}. A fault's name is the window its
 * requests fall in. Every fault still in place when the test ends, passes, fails or times out is healed by the
 * extension, which then verifies that no toxic, disabled link, stopped process or skewed clock is left.
 *
 * <pre>{@code
 * try (ActiveFault split = faults.partition("split", List.of("lb", "n1"), List.of("n2", "n3"))) {
 *     Thread.sleep(3000);
 * }
 * }</pre>
 */
public final class Faults {
    private final RunningTarget target;
    private final FaultInjector injector;
    private final List<Applied> applied = Collections.synchronizedList(new ArrayList<>());

    Faults(RunningTarget target) {
        this.target = target;
        this.injector = FaultTypes.into(target.target());
    }

    /**
     * Cuts every link between components of different groups, both ways; requests over a cut link hang until they
     * time out (blackhole). Components in no group are not affected.
     */
    @SafeVarargs
    public final ActiveFault partition(String name, List<String>... groups) {
        return partition(name, PartitionFault.Mode.BLACKHOLE, groups);
    }

    /** A partition whose cut links refuse connections and close open ones ({@code mode: reject}). */
    @SafeVarargs
    public final ActiveFault partitionRejecting(String name, List<String>... groups) {
        return partition(name, PartitionFault.Mode.REJECT, groups);
    }

    /** Cuts {@code component} off from every other component its links reach, both ways. */
    public ActiveFault isolate(String name, String component) {
        Set<String> others = new LinkedHashSet<>();
        for (String link : target.links()) {
            others.addAll(Arrays.asList(link.split("->")));
        }
        if (!others.remove(component)) {
            throw new IllegalArgumentException("no link reaches '" + component + "' (links: "
                    + String.join(", ", target.links()) + ")");
        }
        return partition(name, List.of(component), List.copyOf(others));
    }

    private ActiveFault partition(String name, PartitionFault.Mode mode, List<List<String>> groups) {
        return inject(new FaultSpec(name, Duration.ZERO, null, null,
                new PartitionFault(groups, PartitionFault.Direction.BOTH, mode), null, null, null));
    }

    private ActiveFault partition(String name, PartitionFault.Mode mode, List<String>[] groups) {
        return partition(name, mode, List.of(groups));
    }

    /** Delays the bytes on every link matching {@code link} ({@code client->lb}, {@code lb->*}) by {@code delay}. */
    public ActiveFault latency(String name, String link, Duration delay) {
        return latency(name, link, delay, Duration.ZERO);
    }

    /** Delays the bytes on every link matching {@code link} by {@code delay} plus or minus {@code jitter}. */
    public ActiveFault latency(String name, String link, Duration delay, Duration jitter) {
        return inject(FaultSpec.latency(name, Duration.ZERO, null, new FaultSpec.LatencyFault(link, delay, jitter)));
    }

    /** Caps the bytes per second on every link matching {@code link}, e.g. {@code "64KB/s"}. */
    public ActiveFault bandwidth(String name, String link, String rate) {
        return inject(new FaultSpec(name, Duration.ZERO, null, null, null, new BandwidthFault(link, rate), null, null));
    }

    /** Resets every connection over the links matching {@code link} as data arrives. */
    public ActiveFault reset(String name, String link) {
        return inject(new FaultSpec(name, Duration.ZERO, null, null, null, null, new ResetFault(link), null));
    }

    /** Drops every byte both ways on the links matching {@code link}; connections stay open. */
    public ActiveFault blackhole(String name, String link) {
        return inject(new FaultSpec(name, Duration.ZERO, null, null, null, null, null, new BlackholeFault(link)));
    }

    /**
     * Kills {@code component}'s process ({@code kill -9}); closing the fault restarts it on the same port and data
     * folder and returns once it answers its health check.
     */
    public ActiveFault crash(String name, String component) {
        return inject(FaultSpec.crash(name, Duration.ZERO, new CrashFault(component, null)));
    }

    /** Stops {@code component}'s process (SIGSTOP) until the fault is closed (SIGCONT). */
    public ActiveFault pause(String name, String component) {
        return inject(FaultSpec.pause(name, Duration.ZERO, null, new PauseFault(component)));
    }

    /** Shifts store node {@code node}'s clock by {@code offset} (negative: behind) until the fault is closed. */
    public ActiveFault clockSkew(String name, String node, Duration offset) {
        String text = (offset.isNegative() ? "-" : "") + offset.abs().toMillis() + "ms";
        return inject(FaultSpec.clockSkew(name, Duration.ZERO, null, new ClockSkewFault(node, text)));
    }

    /**
     * Disconnects a container ({@link ContainerService}) from its Docker networks until the fault is closed: nothing
     * reaches it, not even through its published ports, and it reaches nothing.
     */
    public ActiveFault disconnect(String name, String container) {
        return inject(FaultSpec.disconnect(name, Duration.ZERO, null, new DisconnectFault(container)));
    }

    /** Heals every fault still in place, the last applied first. */
    public void healAll() {
        List<Applied> active;
        synchronized (applied) {
            active = new ArrayList<>(applied);
        }
        Collections.reverse(active);
        RuntimeException first = null;
        for (Applied fault : active) {
            try {
                fault.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Whether some fault is still in place. */
    public boolean anyActive() {
        synchronized (applied) {
            return applied.stream().anyMatch(Applied::active);
        }
    }

    /** Every fault applied so far, as a run's timeline needs it. */
    List<DrivenRun.AppliedFault> timeline() {
        synchronized (applied) {
            return applied.stream().map(Applied::asApplied).toList();
        }
    }

    private ActiveFault inject(FaultSpec spec) {
        long began = System.nanoTime(); // as in plans: the window opens when the injection begins
        FaultHandle handle = injector.inject(spec);
        Applied fault = new Applied(spec, handle, began);
        applied.add(fault);
        return fault;
    }

    /** One fault applied through this handle: healed once, when closed. */
    private static final class Applied implements ActiveFault {
        private final FaultSpec spec;
        private final FaultHandle handle;
        private final long startNanos;
        private volatile Long endNanos;

        Applied(FaultSpec spec, FaultHandle handle, long startNanos) {
            this.spec = spec;
            this.handle = handle;
            this.startNanos = startNanos;
        }

        @Override
        public String name() {
            return spec.name();
        }

        @Override
        public boolean active() {
            return endNanos == null;
        }

        @Override
        public synchronized void close() {
            if (endNanos != null) {
                return;
            }
            try {
                handle.heal();
            } finally {
                endNanos = System.nanoTime();
            }
        }

        DrivenRun.AppliedFault asApplied() {
            return new DrivenRun.AppliedFault(spec.name(), spec.type(), spec.target(), startNanos, endNanos);
        }

        @Override
        public String toString() {
            return spec.type() + " '" + spec.name() + "' on " + spec.target() + (active() ? " (in place)" : " (healed)");
        }
    }
}
