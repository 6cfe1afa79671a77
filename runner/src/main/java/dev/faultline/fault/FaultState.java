package dev.faultline.fault;

import java.util.Map;
import java.util.Set;

/** The life of one scheduled fault. The legal changes are data; anything else is a bug and throws. */
enum FaultState {
    SCHEDULED, ACTIVE, HEALED, CANCELLED;

    private static final Map<FaultState, Set<FaultState>> LEGAL = Map.of(
            SCHEDULED, Set.of(ACTIVE, CANCELLED),
            ACTIVE, Set.of(HEALED),
            HEALED, Set.of(),
            CANCELLED, Set.of());

    boolean canBecome(FaultState next) {
        return LEGAL.get(this).contains(next);
    }
}
