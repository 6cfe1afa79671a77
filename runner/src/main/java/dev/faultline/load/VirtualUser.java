package dev.faultline.load;

/**
 * One closed-model user: its number (which is also its client identity, modulo the clients), the pool it sends
 * through, and whether it has been asked to leave (a ramp down): it leaves after its request in flight ends.
 */
final class VirtualUser {
    final int id;
    final ConnectionPool pool;
    volatile boolean leaving;

    VirtualUser(int id, ConnectionPool pool) {
        this.id = id;
        this.pool = pool;
    }
}
