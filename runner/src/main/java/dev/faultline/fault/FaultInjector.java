package dev.faultline.fault;

import dev.faultline.faults.network.FaultHandle;
import dev.faultline.plan.FaultSpec;

/** Starts one fault and returns the handle that heals it. */
@FunctionalInterface
public interface FaultInjector {
    FaultHandle inject(FaultSpec fault);
}
