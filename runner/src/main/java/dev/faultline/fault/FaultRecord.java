package dev.faultline.fault;

/**
 * A fault as it happened: when it really started and was healed, in milliseconds since the run's time zero.
 * {@code endMs} is null while a fault is still active (it never stays so once the run has ended).
 */
public record FaultRecord(String name, String type, String target, long startMs, Long endMs) {
}
