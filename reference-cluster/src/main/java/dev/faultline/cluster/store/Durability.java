package dev.faultline.cluster.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a node does with its write-ahead log before acknowledging a write. */
public enum Durability {
    /** Every write is in the log and forced to disk before it is acknowledged: survives kill -9 and power loss. */
    FSYNC,
    /** Writes are acknowledged at once and written and forced by a background thread every 100 ms: kill -9 may lose the last ones. */
    ASYNC,
    /** No log: a restarted node starts empty. */
    NONE;

    /** The spelling of plans and JSON: {@code fsync}, {@code async}, {@code none}. */
    @JsonValue
    public String planName() {
        return Spelling.planName(this);
    }

    /** Accepts the plan spelling or the constant's name, in any case. */
    @JsonCreator
    public static Durability of(String text) {
        return Spelling.parse(Durability.class, "durability", text);
    }
}
