package dev.faultline.faults.proxy;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code slicer}: cuts each chunk into pieces of about {@code average_size} bytes (split points moved by up to
 * ± {@code size_variation}) and sends them {@code delay} microseconds apart, in order.
 */
final class SlicerToxic extends DelayingStage {

    static final ToxicType TYPE = new ToxicType("slicer", List.of("average_size", "size_variation", "delay"),
            SlicerToxic::new);

    private final int averageSize;
    private final int sizeVariation;
    private final long delayNanos;

    SlicerToxic(ToxicSpec spec) {
        this.averageSize = (int) Math.max(1, Math.min(Integer.MAX_VALUE, spec.attribute("average_size")));
        this.sizeVariation = (int) Math.max(0, Math.min(averageSize - 1L, spec.attribute("size_variation")));
        this.delayNanos = Math.max(0, spec.attribute("delay")) * 1_000L;
    }

    @Override
    void onChunk(ByteBuf chunk) {
        slice(chunk, chunk.readerIndex(), chunk.readableBytes());
        chunk.release();
    }

    /** Toxiproxy's recursive halving: split in the middle ± the variation until a piece is small enough. */
    private void slice(ByteBuf chunk, int start, int length) {
        if (length <= averageSize + sizeVariation) {
            enqueue(chunk.retainedSlice(start, length));
            return;
        }
        int variation = sizeVariation == 0 ? 0 : ThreadLocalRandom.current().nextInt(-sizeVariation, sizeVariation + 1);
        int half = Math.max(1, Math.min(length - 1, length / 2 + variation));
        slice(chunk, start, half);
        slice(chunk, start + half, length - half);
    }

    @Override
    long releaseAt(int bytes, long nowNanos, long lastReleaseNanos) {
        return lastReleaseNanos == Long.MIN_VALUE ? nowNanos : Math.max(nowNanos, lastReleaseNanos + delayNanos);
    }
}
