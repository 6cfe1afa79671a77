package dev.faultline.cluster.balancer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each request goes to the usable backend with the fewest requests in progress; ties are broken in turn, so
 * idle backends share the load evenly.
 */
final class LeastConnections implements BackendSelector {
    private final List<BackendState> backends;
    private final AtomicLong rotation = new AtomicLong();

    LeastConnections(List<BackendState> backends) {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("least-connections needs at least one backend");
        }
        this.backends = List.copyOf(backends);
    }

    @Override
    public BackendState select(String key) {
        int size = backends.size();
        int offset = (int) Math.floorMod(rotation.getAndIncrement(), (long) size);
        BackendState best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            BackendState candidate = backends.get((offset + i) % size);
            int load = candidate.inFlight();
            if (load < bestLoad && candidate.healthy()) {
                best = candidate;
                bestLoad = load;
            }
        }
        if (best != null && best.tryAcquire()) {
            return best;
        }
        // the least loaded one refused (its breaker); try the others from least to most loaded
        List<BackendState> ordered = new ArrayList<>(backends);
        ordered.sort(Comparator.comparingInt(BackendState::inFlight));
        for (BackendState candidate : ordered) {
            if (candidate != best && candidate.tryAcquire()) {
                return candidate;
            }
        }
        return null;
    }
}
