package dev.faultline.cluster.balancer;

import io.netty.handler.codec.http.HttpRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Each request goes to the next backend in turn, across all client connections. */
final class RoundRobin implements BackendSelector {
    private final List<Backend> backends;
    private final AtomicLong next = new AtomicLong();

    RoundRobin(List<Backend> backends) {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("round-robin needs at least one backend");
        }
        this.backends = List.copyOf(backends);
    }

    @Override
    public Backend select(HttpRequest request) {
        return backends.get((int) Math.floorMod(next.getAndIncrement(), (long) backends.size()));
    }
}
