package dev.faultline.faults.proxy;

import io.netty.buffer.ByteBuf;
import java.util.List;

/** Passes every chunk straight on; also stands in for a toxic whose toxicity roll said no. */
class NoopToxic extends ToxicStage {

    static final ToxicType TYPE = new ToxicType("noop", List.of(), spec -> new NoopToxic());

    @Override
    void onChunk(ByteBuf chunk) {
        forward(chunk);
    }
}
