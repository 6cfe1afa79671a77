package dev.faultline.cluster.balancer;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Each request goes to the next backend in turn, across all client connections, skipping unusable ones. */
final class RoundRobin implements BackendSelector {
    private final List<BackendState> backends;
    private final AtomicLong next = new AtomicLong();

    RoundRobin(List<BackendState> backends) {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("round-robin needs at least one backend");
        }
        this.backends = List.copyOf(backends);
    }

    @Override
    public BackendState select(String key) {
        int size = backends.size();
        int first = (int) Math.floorMod(next.getAndIncrement(), (long) size);
        for (int i = 0; i < size; i++) {
            BackendState candidate = backends.get((first + i) % size);
            if (candidate.tryAcquire()) {
                return candidate;
            }
        }
        return null;
    }
}
