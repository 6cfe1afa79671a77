package dev.faultline.faults.proxy;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * {@code limit_data}: forwards at most {@code bytes} bytes in its direction (the chunk crossing the limit is cut
 * short), then closes the connection (what was forwarded is
 * written first). The count is per connection and survives updates of the toxic.
 */
final class LimitDataToxic extends ToxicStage {

    static final ToxicType TYPE = new ToxicType("limit_data", List.of("bytes"), LimitDataToxic::new);

    private final long limit;
    private long forwarded;

    LimitDataToxic(ToxicSpec spec) {
        this.limit = spec.attribute("bytes");
    }

    @Override
    void inheritFrom(ToxicStage replaced) {
        if (replaced instanceof LimitDataToxic previous) {
            forwarded = previous.forwarded;
        }
    }

    @Override
    void start() {
        if (forwarded >= limit && limit > 0) {
            context().closeConnection();
        }
    }

    @Override
    void onChunk(ByteBuf chunk) {
        long room = limit - forwarded;
        if (room <= 0) {
            chunk.release();
            context().closeConnection();
            return;
        }
        int bytes = chunk.readableBytes();
        if (bytes <= room) {
            forwarded += bytes;
            forward(chunk);
            if (forwarded >= limit) {
                context().closeConnection();
            }
            return;
        }
        ByteBuf head = chunk.readRetainedSlice((int) room);
        chunk.release();
        forwarded = limit;
        forward(head);
        context().closeConnection();
    }
}
