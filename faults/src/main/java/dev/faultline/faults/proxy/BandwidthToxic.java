package dev.faultline.faults.proxy;

import java.util.List;

/**
 * {@code bandwidth}: limits a direction to {@code rate} KB/s (1 KB = 1000 bytes, so {@code rate}
 * bytes per ms). Each chunk leaves once the bytes before it have had their time. A rate of 0 or
 * less stalls the direction, as in Toxiproxy.
 */
final class BandwidthToxic extends DelayingStage {

    static final ToxicType TYPE = new ToxicType("bandwidth", List.of("rate"), BandwidthToxic::new);

    private final long bytesPerMs;

    BandwidthToxic(ToxicSpec spec) {
        this.bytesPerMs = spec.attribute("rate");
    }

    @Override
    long releaseAt(int bytes, long nowNanos, long lastReleaseNanos) {
        if (bytesPerMs <= 0) {
            return Long.MAX_VALUE / 2;
        }
        long start = lastReleaseNanos == Long.MIN_VALUE ? nowNanos : Math.max(nowNanos, lastReleaseNanos);
        return start + bytes * 1_000_000L / bytesPerMs;
    }
}
