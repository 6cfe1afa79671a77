package dev.faultline.sample;

/**
 * What one client identity (the value of the client header, e.g. {@code X-Client-Id}) saw in one one-second interval
 * of the run, by completion time: requests answered as expected, refused with 429, and failed in any other way.
 */
public record ClientSecond(String client, long startMs, long ok, long limited, long failed) {
    public ClientSecond {
        if (client == null || client.isBlank()) {
            throw new IllegalArgumentException("client: must name a client identity");
        }
        if (ok < 0 || limited < 0 || failed < 0) {
            throw new IllegalArgumentException("ok, limited, failed: counts cannot be negative");
        }
    }

    public long total() {
        return ok + limited + failed;
    }
}
