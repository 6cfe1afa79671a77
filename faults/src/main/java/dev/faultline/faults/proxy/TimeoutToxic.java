package dev.faultline.faults.proxy;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code timeout}: drops every chunk in its direction. With {@code timeout} 0 the connection is
 * held open for ever (a blackhole); otherwise it closes after {@code timeout} ms without data
 * (each dropped chunk restarts the timer). Removing the toxic closes the connection.
 */
final class TimeoutToxic extends ToxicStage {

    static final ToxicType TYPE = new ToxicType("timeout", List.of("timeout"), TimeoutToxic::new);

    private final long timeoutMs;
    private ScheduledFuture<?> timer;

    TimeoutToxic(ToxicSpec spec) {
        this.timeoutMs = spec.attribute("timeout");
    }

    @Override
    void start() {
        restartTimer();
    }

    @Override
    void onChunk(ByteBuf chunk) {
        chunk.release();
        restartTimer();
    }

    @Override
    void onEnd() {
        context().closeConnection();
    }

    @Override
    void onRemoved() {
        context().closeConnection();
    }

    @Override
    void flush() {
        cancelTimer();
    }

    @Override
    void discard() {
        cancelTimer();
    }

    private void restartTimer() {
        cancelTimer();
        if (timeoutMs > 0) {
            timer = context().eventLoop().schedule(context()::closeConnection, timeoutMs, TimeUnit.MILLISECONDS);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
