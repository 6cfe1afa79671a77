package dev.faultline.load;

import dev.faultline.sample.ErrorKind;

/** Told once of every sent arrival's end: its end time (run-relative nanoseconds) and error, null when it succeeded. */
interface Completion {
    void complete(Arrival arrival, long endNanos, ErrorKind errorOrNull);
}
