package dev.faultline.faults.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * The last stage of a link: writes chunks to the destination socket. When the destination can't
 * keep up, the source stops reading until it can (see {@link RelayHandler}). End of stream closes
 * the whole connection: Toxiproxy has no half-close.
 */
final class OutputStage extends ToxicStage {

    private final Channel source;
    private final Channel destination;

    OutputStage(Channel source, Channel destination) {
        this.source = source;
        this.destination = destination;
    }

    @Override
    void onChunk(ByteBuf chunk) {
        destination.writeAndFlush(chunk);
        if (!destination.isWritable()) {
            source.config().setAutoRead(false);
        }
    }

    @Override
    void onEnd() {
        context().closeConnection();
    }
}
