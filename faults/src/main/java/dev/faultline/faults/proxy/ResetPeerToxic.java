package dev.faultline.faults.proxy;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code reset_peer}: on the first chunk (or end of stream) in its direction, waits
 * {@code timeout} ms and then resets both sockets (TCP RST). That chunk and all after it are dropped.
 */
final class ResetPeerToxic extends ToxicStage {

    static final ToxicType TYPE = new ToxicType("reset_peer", List.of("timeout"), ResetPeerToxic::new);

    private final long timeoutMs;
    private ScheduledFuture<?> timer;
    private boolean triggered;

    ResetPeerToxic(ToxicSpec spec) {
        this.timeoutMs = spec.attribute("timeout");
    }

    @Override
    void onChunk(ByteBuf chunk) {
        chunk.release();
        trigger();
    }

    @Override
    void onEnd() {
        trigger();
    }

    private void trigger() {
        if (triggered) {
            return;
        }
        triggered = true;
        if (timeoutMs <= 0) {
            context().resetConnection();
        } else {
            timer = context().eventLoop().schedule(context()::resetConnection, timeoutMs, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    void flush() {
        discard();
    }

    @Override
    void discard() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
