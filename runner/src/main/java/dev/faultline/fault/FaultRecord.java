package dev.faultline.fault;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A fault as it happened: when it really started (when its injection began) and was healed (once undone: a crashed
 * component restarted and answering), in milliseconds since the run's time zero. {@code endMs} is null while a fault is still
 * active (it never stays so once the run has ended). {@code note} says how a fault ended when it was not by its own
 * time, e.g. a crash without {@code restart-after}: {@code "n2 stayed down until the run ended; restarted then"}.
 */
public record FaultRecord(String name, String type, String target, long startMs, Long endMs,
        @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

    /** A fault that ended by its own time (or has not ended). */
    public FaultRecord(String name, String type, String target, long startMs, Long endMs) {
        this(name, type, target, startMs, endMs, null);
    }
}
