package dev.faultline.compare;

import java.util.Map;

/**
 * One request name of one run, as compared: how many were sent, the share that succeeded (percent), and its latency
 * in milliseconds at each compared percentile (ordered).
 */
record RequestProfile(String request, long count, double availabilityPercent, Map<Double, Double> latencyMs) {
}
