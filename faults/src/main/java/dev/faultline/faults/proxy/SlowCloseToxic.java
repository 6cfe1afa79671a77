package dev.faultline.faults.proxy;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@code slow_close}: data passes unchanged; when the source closes, the close waits {@code delay} ms. */
final class SlowCloseToxic extends NoopToxic {

    static final ToxicType TYPE = new ToxicType("slow_close", List.of("delay"), SlowCloseToxic::new);

    private final long delayMs;
    private ScheduledFuture<?> pendingClose;

    SlowCloseToxic(ToxicSpec spec) {
        this.delayMs = spec.attribute("delay");
    }

    @Override
    void onEnd() {
        if (delayMs <= 0) {
            forwardEnd();
        } else if (pendingClose == null) {
            pendingClose = context().eventLoop().schedule(this::forwardEnd, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    /** Removed or replaced while a close waits: the close goes on at once. */
    @Override
    void flush() {
        if (pendingClose != null && pendingClose.cancel(false)) {
            pendingClose = null;
            forwardEnd();
        }
    }

    @Override
    void discard() {
        if (pendingClose != null) {
            pendingClose.cancel(false);
            pendingClose = null;
        }
    }
}
