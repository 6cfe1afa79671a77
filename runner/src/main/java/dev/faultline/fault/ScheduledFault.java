package dev.faultline.fault;

import dev.faultline.faults.network.FaultHandle;
import dev.faultline.plan.FaultSpec;
import java.util.function.LongSupplier;

/** One fault of the schedule: its state, its handle while active, and its real start and heal times. */
final class ScheduledFault {
    final FaultSpec spec;
    private FaultState state = FaultState.SCHEDULED;
    private FaultHandle handle;
    private long startMs;
    private long endMs;
    private String note;

    ScheduledFault(FaultSpec spec) {
        this.spec = spec;
    }

    /**
     * Injects the fault; its start time is when its injection began, so that whatever the fault causes while it is
     * being put in place (a kill under way, a pause reaching every thread) falls in its window, not before it.
     */
    synchronized boolean start(FaultInjector injector, LongSupplier nowMs) {
        if (state != FaultState.SCHEDULED) {
            return false;
        }
        long beganMs = nowMs.getAsLong();
        handle = injector.inject(spec);
        startMs = beganMs;
        move(FaultState.ACTIVE);
        return true;
    }

    /**
     * Heals the fault if it is active, or cancels it if it has not started; idempotent. Its end time is when the heal
     * is done (a crash: once the restarted component answers).
     *
     * @param runEnded true when the run's end heals it, rather than its own time
     */
    synchronized void end(LongSupplier nowMs, boolean runEnded) {
        if (state == FaultState.ACTIVE) {
            try {
                handle.heal();
            } finally {
                endMs = nowMs.getAsLong();
                if (runEnded) {
                    note = spec.crash() != null
                            ? spec.node() + " stayed down until the run ended; restarted then"
                            : "healed when the run ended";
                }
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
                state == FaultState.HEALED ? endMs : null, note);
    }

    private void move(FaultState next) {
        if (!state.canBecome(next)) {
            throw new IllegalStateException("fault '" + spec.name() + "' cannot go from " + state + " to " + next);
        }
        state = next;
    }
}
