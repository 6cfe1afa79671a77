package dev.faultline.sample;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a request did not succeed. The label is how results.json and the console name it. */
public enum ErrorKind {
    /** Nothing listened at the target address (ECONNREFUSED). */
    CONNECT_REFUSED("connect-refused"),
    /** The connection was not established within the request's timeout. */
    CONNECT_TIMEOUT("connect-timeout"),
    /** Connected, but no whole response arrived within the request's timeout. */
    TIMEOUT("timeout"),
    /** The connection was reset or closed before the response was complete. */
    RESET("reset"),
    /** A 4xx status other than 429 that the request did not expect. */
    STATUS_4XX("4xx"),
    /** 429 Too Many Requests (a rate limiter said no). */
    STATUS_429("429"),
    /** A 5xx status that the request did not expect. */
    STATUS_5XX("5xx"),
    /** A 1xx or 3xx status that the request did not expect. */
    UNEXPECTED_STATUS("unexpected-status"),
    /** The arrival was not sent: {@code max-in-flight} requests were already waiting. */
    DROPPED("dropped"),
    /** Any other failure (e.g. a malformed response). */
    OTHER("other");

    private final String label;

    ErrorKind(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Whether the target answered with a status (as opposed to a connection failure, a timeout or a drop). */
    public boolean isStatus() {
        return this == STATUS_4XX || this == STATUS_429 || this == STATUS_5XX || this == UNEXPECTED_STATUS;
    }

    /** The error kind of an HTTP status the request did not expect. */
    public static ErrorKind ofStatus(int status) {
        if (status == 429) {
            return STATUS_429;
        }
        if (status >= 500) {
            return STATUS_5XX;
        }
        if (status >= 400) {
            return STATUS_4XX;
        }
        return UNEXPECTED_STATUS;
    }
}
