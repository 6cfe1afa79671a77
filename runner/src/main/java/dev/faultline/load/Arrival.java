package dev.faultline.load;

import io.netty.buffer.ByteBuf;

/**
 * One arrival on its way: which request of the mix, when it was meant to be sent, when it times out (intended time
 * plus the request's timeout, so a recorded latency never exceeds the timeout by more than the sweep period) and
 * the encoded HTTP request, which belongs to whoever holds the arrival until it is written or abandoned, and the number
 * of the client identity it carries. A request
 * with an acknowledgement log carries its rendered key and body; a closed-model arrival carries its virtual user.
 */
final class Arrival {
    final int request;
    final long intendedNanos;
    final long deadlineNanos;
    final int client;
    ByteBuf http;
    /** The rendered key and body of a request whose successes are acknowledged writes; null otherwise. */
    String ackKey;
    String ackElement;
    /** The key of a set workload's read, and the body it returned (kept for the stale-reads check); null otherwise. */
    String readKey;
    String readBody;
    /** The closed-model user that sent it; null in the open model. */
    VirtualUser user;

    Arrival(int request, long intendedNanos, long deadlineNanos, int client, ByteBuf http) {
        this.request = request;
        this.client = client;
        this.intendedNanos = intendedNanos;
        this.deadlineNanos = deadlineNanos;
        this.http = http;
    }

    /** Releases the HTTP request if it was never written. */
    void abandon() {
        if (http != null) {
            http.release();
            http = null;
        }
    }
}
