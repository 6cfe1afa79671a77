package dev.faultline.faults.proxy;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A stage that holds each chunk until a release time and never reorders: a chunk is released
 * no earlier than the one before it. The end of the stream queues behind the data. Like
 * Toxiproxy's 1024-chunk buffer, it stops reading the source while it holds too many chunks.
 */
abstract class DelayingStage extends ToxicStage {

    private record Held(ByteBuf chunk, long releaseAtNanos) {
    }

    static final int MAX_HELD = 1024;

    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private boolean sourcePaused;
    private long lastReleaseNanos = Long.MIN_VALUE;
    private ScheduledFuture<?> timer;

    /** When a chunk of {@code bytes} bytes read at {@code nowNanos} may leave; the base keeps the order. */
    abstract long releaseAt(int bytes, long nowNanos, long lastReleaseNanos);

    @Override
    void onChunk(ByteBuf chunk) {
        enqueue(chunk);
    }

    @Override
    final void onEnd() {
        enqueue(null);
    }

    /** Holds {@code chunk} (null: the end of the stream) until the release time {@link #releaseAt} gives it. */
    protected final void enqueue(ByteBuf chunk) {
        long now = System.nanoTime();
        long at = chunk == null ? now : releaseAt(chunk.readableBytes(), now, lastReleaseNanos);
        at = lastReleaseNanos == Long.MIN_VALUE ? at : Math.max(at, lastReleaseNanos);
        lastReleaseNanos = at;
        held.add(new Held(chunk, at));
        if (held.size() >= MAX_HELD && !sourcePaused) {
            sourcePaused = true;
            context().sourceReading(false);
        }
        if (timer == null) {
            release();
        }
    }

    private void release() {
        timer = null;
        long now = System.nanoTime();
        while (!held.isEmpty() && held.peek().releaseAtNanos() - now <= 0) {
            pass(held.poll());
        }
        resumeSourceBelow(MAX_HELD / 2);
        if (!held.isEmpty() && !context().isClosed()) {
            long wait = held.peek().releaseAtNanos() - now;
            timer = context().eventLoop().schedule(this::release, wait, TimeUnit.NANOSECONDS);
        }
    }

    private void pass(Held h) {
        if (h.chunk() == null) {
            forwardEnd();
        } else {
            forward(h.chunk());
        }
    }

    @Override
    final void flush() {
        cancelTimer();
        while (!held.isEmpty()) {
            pass(held.poll());
        }
        resumeSourceBelow(1);
    }

    private void resumeSourceBelow(int size) {
        if (sourcePaused && held.size() < size && !context().isClosed()) {
            sourcePaused = false;
            context().sourceReading(true);
        }
    }

    @Override
    final void discard() {
        cancelTimer();
        while (!held.isEmpty()) {
            ByteBuf chunk = held.poll().chunk();
            if (chunk != null) {
                chunk.release();
            }
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
