package dev.faultline.faults.proxy;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** {@code latency}: holds each chunk {@code latency} ms ± a uniform {@code jitter} ms, in order. */
final class LatencyToxic extends DelayingStage {

    static final ToxicType TYPE = new ToxicType("latency", List.of("latency", "jitter"), LatencyToxic::new);

    private final long latencyMs;
    private final long jitterMs;

    LatencyToxic(ToxicSpec spec) {
        this.latencyMs = spec.attribute("latency");
        this.jitterMs = spec.attribute("jitter");
    }

    @Override
    long releaseAt(int bytes, long nowNanos, long lastReleaseNanos) {
        long delayMs = latencyMs;
        if (jitterMs > 0) {
            delayMs += ThreadLocalRandom.current().nextLong(-jitterMs, jitterMs);
        }
        return nowNanos + TimeUnit.MILLISECONDS.toNanos(Math.max(0, delayMs));
    }
}
