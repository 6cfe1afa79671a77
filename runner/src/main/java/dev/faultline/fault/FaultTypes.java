package dev.faultline.fault;

import dev.faultline.faults.network.FaultHandle;
import dev.faultline.faults.network.Flow;
import dev.faultline.faults.network.Link;
import dev.faultline.faults.network.LinkFaults;
import dev.faultline.plan.FaultSpec;
import dev.faultline.plan.LinkPattern;
import dev.faultline.plan.PartitionFault;
import dev.faultline.targets.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** Every fault kind by its plan key, with what injects it into a running target. */
public final class FaultTypes {
    private static final Map<String, BiFunction<Target, FaultSpec, FaultHandle>> HANDLERS = new TreeMap<>(Map.of(
            "latency", FaultTypes::latency,
            "partition", FaultTypes::partition,
            "bandwidth", FaultTypes::bandwidth,
            "reset", FaultTypes::reset,
            "blackhole", FaultTypes::blackhole,
            "crash", NodeFaults::crash,
            "pause", NodeFaults::pause,
            "clock-skew", NodeFaults::clockSkew,
            "disconnect", NodeFaults::disconnect));

    private FaultTypes() {
    }

    /** The plan keys of every fault kind that has a handler. */
    public static List<String> kinds() {
        return List.copyOf(HANDLERS.keySet());
    }

    /** The injector of every known fault kind into this target. */
    public static FaultInjector into(Target target) {
        return fault -> {
            BiFunction<Target, FaultSpec, FaultHandle> handler = HANDLERS.get(fault.type());
            if (handler == null) {
                throw new IllegalArgumentException(
                        "unknown fault kind '" + fault.type() + "' (known: " + String.join(", ", HANDLERS.keySet()) + ")");
            }
            return handler.apply(target, fault);
        };
    }

    private static FaultHandle latency(Target target, FaultSpec fault) {
        FaultSpec.LatencyFault latency = fault.latency();
        return onEachLink(target, latency.link(),
                link -> target.linkFaults().latency(link, latency.delay(), latency.jitter()));
    }

    private static FaultHandle bandwidth(Target target, FaultSpec fault) {
        long rate = fault.bandwidth().bytesPerSecond();
        return onEachLink(target, fault.bandwidth().link(), link -> target.linkFaults().bandwidth(link, rate));
    }

    private static FaultHandle reset(Target target, FaultSpec fault) {
        return onEachLink(target, fault.reset().link(), link -> target.linkFaults().reset(link));
    }

    private static FaultHandle blackhole(Target target, FaultSpec fault) {
        return onEachLink(target, fault.blackhole().link(),
                link -> target.linkFaults().blackhole(link, List.of(Flow.FORWARD, Flow.BACKWARD)));
    }

    /** Cuts each link between groups: blackholed (the cut flows) or, with mode reject, disabled. */
    private static FaultHandle partition(Target target, FaultSpec fault) {
        PartitionFault partition = fault.partition();
        LinkFaults faults = target.linkFaults();
        List<PartitionFault.Cut> cuts = partition.cuts(List.copyOf(target.links().keySet()));
        if (cuts.isEmpty()) {
            throw new IllegalArgumentException("partition " + partition.describe() + " cuts no link of the target (links: "
                    + String.join(", ", target.links().keySet()) + ")");
        }
        return all(cuts, cut -> {
            Link link = target.links().get(cut.link());
            if (partition.mode() == PartitionFault.Mode.REJECT) {
                return faults.reject(link);
            }
            List<Flow> flows = new ArrayList<>();
            if (cut.forward()) {
                flows.add(Flow.FORWARD);
            }
            if (cut.backward()) {
                flows.add(Flow.BACKWARD);
            }
            return faults.blackhole(link, flows);
        });
    }

    private static FaultHandle onEachLink(Target target, String pattern, java.util.function.Function<Link, FaultHandle> fault) {
        List<String> names = LinkPattern.select(pattern, List.copyOf(target.links().keySet()));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("'" + pattern + "' names no link of the target (links: "
                    + String.join(", ", target.links().keySet()) + ")");
        }
        return all(names, name -> fault.apply(target.links().get(name)));
    }

    /** Applies {@code fault} to each item; if one fails, those already applied are healed before the failure leaves. */
    private static <T> FaultHandle all(List<T> items, java.util.function.Function<T, FaultHandle> fault) {
        List<FaultHandle> applied = new ArrayList<>();
        try {
            for (T item : items) {
                applied.add(fault.apply(item));
            }
        } catch (RuntimeException e) {
            try {
                FaultHandle.allOf(applied).heal();
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        return applied.size() == 1 ? applied.get(0) : FaultHandle.allOf(applied);
    }
}
