package dev.faultline.cluster.balancer;

/**
 * Each request goes to the backend that owns its key on the hash ring; when that one is unusable, to the next
 * distinct backend along the ring, so a key moves only while its owner is down.
 */
final class ConsistentHash implements BackendSelector {
    private final HashRing<BackendState> ring;

    ConsistentHash(HashRing<BackendState> ring) {
        this.ring = ring;
    }

    @Override
    public BackendState select(String key) {
        BackendState owner = ring.owner(key);
        if (owner.tryAcquire()) {
            return owner;
        }
        for (BackendState candidate : ring.walk(key)) {
            if (candidate != owner && candidate.tryAcquire()) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public boolean usesKey() {
        return true;
    }
}
