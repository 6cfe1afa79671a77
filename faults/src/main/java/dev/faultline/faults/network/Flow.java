package dev.faultline.faults.network;

import eu.rekawek.toxiproxy.model.ToxicDirection;

/** Which bytes of a link {@code from->to} a fault acts on. */
public enum Flow {
    /** Bytes from {@code from} to {@code to}: requests (the proxy's upstream stream). */
    FORWARD(ToxicDirection.UPSTREAM),
    /** Bytes from {@code to} back to {@code from}: responses (the proxy's downstream stream). */
    BACKWARD(ToxicDirection.DOWNSTREAM);

    private final ToxicDirection direction;

    Flow(ToxicDirection direction) {
        this.direction = direction;
    }

    ToxicDirection direction() {
        return direction;
    }
}
