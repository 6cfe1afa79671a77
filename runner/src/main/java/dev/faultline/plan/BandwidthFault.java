package dev.faultline.plan;

/** Limits each direction of the links {@code link} names to {@code rate} (e.g. {@code 100KB/s}). */
public record BandwidthFault(String link, String rate) {
    public BandwidthFault {
        LinkPattern.requireValid(link, "bandwidth");
        if (rate == null) {
            throw new IllegalArgumentException("bandwidth needs a 'rate', e.g. 100KB/s");
        }
        if (DataSize.parseRate(rate).bytes() <= 0) {
            throw new IllegalArgumentException("a bandwidth 'rate' must be more than 0 (to cut a link, use blackhole)");
        }
    }

    /** The rate in bytes per second. */
    public long bytesPerSecond() {
        return DataSize.parseRate(rate).bytes();
    }
}
