package dev.faultline.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One scheduled fault: it starts {@code at} after the load starts and is healed after {@code for} (or when the run
 * ends). Exactly one fault kind is given; its key is the fault's {@link #type()}.
 */
public record FaultSpec(
        String name,
        Duration at,
        @JsonProperty("for") Duration duration,
        LatencyFault latency,
        PartitionFault partition,
        BandwidthFault bandwidth,
        ResetFault reset,
        BlackholeFault blackhole,
        CrashFault crash,
        PauseFault pause,
        @JsonProperty("clock-skew") ClockSkewFault clockSkew,
        DisconnectFault disconnect) {

    /** Every fault kind, by its key in the plan. */
    public static final List<String> KINDS = List.of("latency", "partition", "bandwidth", "reset", "blackhole", "crash",
            "pause", "clock-skew", "disconnect");

    public FaultSpec {
        if (at == null || at.isNegative()) {
            throw new IllegalArgumentException("a fault needs 'at', a duration from the load's start");
        }
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new IllegalArgumentException("'for' must be longer than 0");
        }
        List<String> given = new ArrayList<>();
        Object[] kinds = {latency, partition, bandwidth, reset, blackhole, crash, pause, clockSkew, disconnect};
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] != null) {
                given.add(KINDS.get(i));
            }
        }
        if (given.size() != 1) {
            throw new IllegalArgumentException(given.isEmpty()
                    ? "a fault needs one kind: " + String.join(", ", KINDS)
                    : "a fault has exactly one kind, not " + String.join(" and ", given));
        }
        if (crash != null && crash.restartAfter() != null && duration == null) {
            duration = crash.restartAfter();
        } else if (crash != null && duration != null && !duration.equals(crash.restartAfter())) {
            throw new IllegalArgumentException("a crash lasts until its restart: give crash.restart-after instead of "
                    + "'for' (without it the node stays down until the run ends)");
        }
        if (name == null || name.isBlank()) {
            name = given.get(0) + "@" + Durations.format(at);
        }
    }

    /** A fault of one of the network kinds (latency, partition, bandwidth, reset, blackhole). */
    public FaultSpec(String name, Duration at, Duration duration, LatencyFault latency, PartitionFault partition,
            BandwidthFault bandwidth, ResetFault reset, BlackholeFault blackhole) {
        this(name, at, duration, latency, partition, bandwidth, reset, blackhole, null, null, null, null);
    }

    /** A latency fault: the usual shorthand for tests and code. */
    public static FaultSpec latency(String name, Duration at, Duration duration, LatencyFault latency) {
        return new FaultSpec(name, at, duration, latency, null, null, null, null);
    }

    /** A crash of {@code crash.node()}; its duration is its {@code restart-after}. */
    public static FaultSpec crash(String name, Duration at, CrashFault crash) {
        return new FaultSpec(name, at, null, null, null, null, null, null, crash, null, null, null);
    }

    /** A pause of {@code pause.node()} for {@code duration} (null: until the run ends). */
    public static FaultSpec pause(String name, Duration at, Duration duration, PauseFault pause) {
        return new FaultSpec(name, at, duration, null, null, null, null, null, null, pause, null, null);
    }

    /** A clock skew of {@code skew.node()} for {@code duration} (null: until the run ends). */
    public static FaultSpec clockSkew(String name, Duration at, Duration duration, ClockSkewFault skew) {
        return new FaultSpec(name, at, duration, null, null, null, null, null, null, null, skew, null);
    }

    /** A disconnection of container {@code disconnect.node()} for {@code duration} (null: until the run ends). */
    public static FaultSpec disconnect(String name, Duration at, Duration duration, DisconnectFault disconnect) {
        return new FaultSpec(name, at, duration, null, null, null, null, null, null, null, null, disconnect);
    }

    /** The fault's kind: its key in the plan. */
    public String type() {
        return latency != null ? "latency" : partition != null ? "partition" : bandwidth != null ? "bandwidth"
                : reset != null ? "reset" : blackhole != null ? "blackhole" : crash != null ? "crash"
                : pause != null ? "pause" : clockSkew != null ? "clock-skew" : "disconnect";
    }

    /** The component a crash, pause or clock skew acts on, or null for a fault on links. */
    public String node() {
        return crash != null ? crash.node() : pause != null ? pause.node() : clockSkew != null ? clockSkew.node()
                : disconnect != null ? disconnect.node() : null;
    }

    /** The link pattern the fault acts on, or null for a partition (which names groups) or a fault on a node. */
    public String link() {
        return latency != null ? latency.link() : bandwidth != null ? bandwidth.link() : reset != null ? reset.link()
                : blackhole != null ? blackhole.link() : null;
    }

    /** What the fault acts on, e.g. the link {@code lb->n1}, the groups {@code [lb, n1] | [n2]} or the node {@code n2}. */
    public String target() {
        return partition != null ? partition.describe() : node() != null ? node() : link();
    }

    /** When the fault ends, given when the load ends: {@code at + for}, or the load's end. */
    public Duration endOr(Duration loadEnd) {
        return duration == null ? loadEnd : at.plus(duration);
    }

    /** Adds delay (plus or minus jitter) to the bytes that flow over one link, from its source to its target. */
    public record LatencyFault(String link, Duration delay, Duration jitter) {
        public LatencyFault {
            LinkPattern.requireValid(link, "latency");
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
