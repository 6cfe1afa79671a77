package dev.faultline.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * One scheduled fault: it starts {@code at} after the load starts and is healed after {@code for} (or when the run
 * ends). Exactly one fault kind is given; its key is the fault's {@link #type()}.
 */
public record FaultSpec(
        String name,
        Duration at,
        @JsonProperty("for") Duration duration,
        LatencyFault latency) {

    public FaultSpec {
        if (at == null || at.isNegative()) {
            throw new IllegalArgumentException("a fault needs 'at', a duration from the load's start");
        }
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new IllegalArgumentException("'for' must be longer than 0");
        }
        if (latency == null) {
            throw new IllegalArgumentException("a fault needs one kind: latency");
        }
        if (name == null || name.isBlank()) {
            name = "latency@" + Durations.format(at);
        }
    }

    /** The fault's kind: its key in the plan. */
    public String type() {
        return "latency";
    }

    /** What the fault acts on, e.g. the link {@code lb->n1}. */
    public String target() {
        return latency.link();
    }

    /** Adds delay (plus or minus jitter) to the bytes that flow over one link. */
    public record LatencyFault(String link, Duration delay, Duration jitter) {
        public LatencyFault {
            if (link == null || !link.contains("->")) {
                throw new IllegalArgumentException("latency needs a 'link' written from->to, e.g. \"lb->n1\"");
            }
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("latency needs a 'delay'");
            }
            jitter = jitter == null ? Duration.ZERO : jitter;
            if (jitter.isNegative()) {
                throw new IllegalArgumentException("jitter cannot be negative");
            }
        }
    }
}
