package dev.faultline.cluster.store;

import dev.faultline.cluster.http.HttpResponses;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers each whole request on a connection through the {@link StoreApi}, in order. */
@Sharable
final class StoreHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(StoreHandler.class);

    private final StoreApi api;

    StoreHandler(StoreApi api) {
        this.api = api;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            HttpResponses.sendAndClose(ctx, HttpResponses.text(HttpResponseStatus.BAD_REQUEST,
                    "malformed request: " + request.decoderResult().cause().getMessage()));
            return;
        }
        HttpResponses.send(ctx, request, api.handle(request));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing connection {} after an error", ctx.channel(), cause);
        ctx.close();
    }
}
