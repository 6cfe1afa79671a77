package dev.faultline.load;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The values of template variables for one arrival. {@code ${key}}, {@code ${client}}, {@code ${seq}} and
 * {@code ${uuid}} are drawn once per arrival, so every use within one request (path, headers, body) agrees;
 * each {@code ${random:MIN:MAX}} draws anew. In the open model clients take turns (arrival n is client
 * {@code n mod clients}, so each client gets an equal share of every second's arrivals); in the closed model a
 * virtual user is always the same client ({@code user mod clients}).
 * Seeded and single-threaded (the pacer's), so a seed gives the same requests every run.
 */
final class Variables {
    private final KeyChooser keys;
    private final int clients;
    private final SplittableRandom random;
    private long seq;
    private long client;
    private long key;
    private boolean keyDrawn;
    private String uuid;

    Variables(KeyChooser keys, int clients, SplittableRandom random) {
        this.keys = keys;
        this.clients = clients;
        this.random = random;
    }

    /** Starts a new open-model arrival. */
    void next(long seq) {
        next(seq, seq);
    }

    /** Starts a new arrival sent by client number {@code clientIndex} (taken modulo the clients). */
    void next(long seq, long clientIndex) {
        this.seq = seq;
        this.client = clientIndex % clients;
        this.keyDrawn = false;
        this.uuid = null;
    }

    long seq() {
        return seq;
    }

    String client() {
        return "c" + client;
    }

    /** The client's number: {@code ${client}} is {@code c} and this number. */
    long clientNumber() {
        return client;
    }

    String key() {
        return "k" + keyNumber();
    }

    /** The arrival's key number, drawn on first use: {@code ${key}} is {@code k} and this number. */
    long keyNumber() {
        if (!keyDrawn) {
            key = keys.next();
            keyDrawn = true;
        }
        return key;
    }

    String uuid() {
        if (uuid == null) {
            long msb = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
            long lsb = (random.nextLong() & ~(3L << 62)) | (2L << 62); // IETF variant
            uuid = new UUID(msb, lsb).toString();
        }
        return uuid;
    }

    long random(long min, long max) {
        long span = max - min + 1;
        if (span > 0) {
            return min + random.nextLong(span);
        }
        long value; // the span overflows a long: draw until in range
        do {
            value = random.nextLong();
        } while (value < min || value > max);
        return value;
    }
}
