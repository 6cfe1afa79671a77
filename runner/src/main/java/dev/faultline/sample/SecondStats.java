package dev.faultline.sample;

/** One request name's measurements over one interval (normally a second) of the run. */
public record SecondStats(
        String request, long startMs, long endMs, Outcomes outcomes,
        double p50Ms, double p90Ms, double p99Ms, double maxMs) {
}
