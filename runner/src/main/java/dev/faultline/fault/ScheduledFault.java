package dev.faultline.fault;

import dev.faultline.faults.network.FaultHandle;
import dev.faultline.plan.FaultSpec;

/** One fault of the schedule: its state, its handle while active, and its real start and heal times. */
final class ScheduledFault {
    final FaultSpec spec;
    private FaultState state = FaultState.SCHEDULED;
    private FaultHandle handle;
    private long startMs;
    private long endMs;

    ScheduledFault(FaultSpec spec) {
        this.spec = spec;
    }

    synchronized boolean start(FaultInjector injector, long nowMs) {
        if (state != FaultState.SCHEDULED) {
            return false;
        }
        handle = injector.inject(spec);
        startMs = nowMs;
        move(FaultState.ACTIVE);
        return true;
    }

    /** Heals the fault if it is active, or cancels it if it has not started; idempotent. */
    synchronized void end(long nowMs) {
        if (state == FaultState.ACTIVE) {
            try {
                handle.heal();
            } finally {
                endMs = nowMs;
                move(FaultState.HEALED);
            }
        } else if (state == FaultState.SCHEDULED) {
            move(FaultState.CANCELLED);
        }
    }

    synchronized boolean isActive() {
        return state == FaultState.ACTIVE;
    }

    /** The fault as it happened, or null if it never started. */
    synchronized FaultRecord record() {
        if (state == FaultState.SCHEDULED || state == FaultState.CANCELLED) {
            return null;
        }
        return new FaultRecord(spec.name(), spec.type(), spec.target(), startMs,
                state == FaultState.HEALED ? endMs : null);
    }

    private void move(FaultState next) {
        if (!state.canBecome(next)) {
            throw new IllegalStateException("fault '" + spec.name() + "' cannot go from " + state + " to " + next);
        }
        state = next;
    }
}
