package dev.faultline.cluster.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a store resolves concurrent writes to one key. */
public enum Conflicts {
    /** Last write wins by hybrid-logical-clock timestamp: a node with a clock ahead wins, even if it wrote earlier. */
    LWW,
    /** Concurrent writes are kept as siblings, each with its version vector, until a write carrying their context supersedes them. */
    VERSION_VECTORS,
    /** The value is a set of elements; replicas merge by union, so an added element is never lost. */
    SET_UNION;

    /** The spelling of plans and JSON: {@code lww}, {@code version-vectors}, {@code set-union}. */
    @JsonValue
    public String planName() {
        return Spelling.planName(this);
    }

    /** Accepts the plan spelling or the constant's name, in any case. */
    @JsonCreator
    public static Conflicts of(String text) {
        return Spelling.parse(Conflicts.class, "conflicts", text);
    }
}
