package dev.faultline.cluster.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The CAP choice of a store: available in a partition, or consistent and refusing what cannot reach a quorum. */
public enum Consistency {
    /** The coordinator writes one replica, acknowledges, and replicates to the others in the background. */
    EVENTUAL,
    /** The coordinator waits for write-quorum acknowledgements and read-quorum answers, or answers 503. */
    QUORUM;

    /** The spelling of plans and JSON: {@code eventual}, {@code quorum}. */
    @JsonValue
    public String planName() {
        return Spelling.planName(this);
    }

    /** Accepts the plan spelling or the constant's name, in any case. */
    @JsonCreator
    public static Consistency of(String text) {
        return Spelling.parse(Consistency.class, "consistency", text);
    }
}
