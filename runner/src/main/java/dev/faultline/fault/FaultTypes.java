package dev.faultline.fault;

import dev.faultline.faults.network.FaultHandle;
import dev.faultline.faults.network.Link;
import dev.faultline.plan.FaultSpec;
import dev.faultline.targets.Target;
import java.util.Map;
import java.util.function.BiFunction;

/** Every fault kind by its plan key, with what injects it into a running target. */
public final class FaultTypes {
    private static final Map<String, BiFunction<Target, FaultSpec, FaultHandle>> HANDLERS = Map.of(
            "latency", FaultTypes::latency);

    private FaultTypes() {
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
        return target.linkFaults().latency(link(target, latency.link()), latency.delay(), latency.jitter());
    }

    private static Link link(Target target, String name) {
        Link link = target.links().get(name);
        if (link == null) {
            throw new IllegalArgumentException(
                    "the target has no link '" + name + "' (links: " + String.join(", ", target.links().keySet()) + ")");
        }
        return link;
    }
}
