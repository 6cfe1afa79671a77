package dev.faultline.sample;

/**
 * A live view of one second of a run that is still recording: requests sent that ended in it, how many failed, and
 * their 99th percentile latency in microseconds (0 when none ended); {@code errorsSoFar} counts every failure since
 * time zero, dropped arrivals included.
 */
public record LiveSecond(long second, long requests, long errors, long p99Micros, long errorsSoFar) {
}
