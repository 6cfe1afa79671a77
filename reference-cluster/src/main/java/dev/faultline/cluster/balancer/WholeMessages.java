package dev.faultline.cluster.balancer;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * The whole-message shortcut, between an HTTP codec and its {@code HttpObjectAggregator}: a message whose head and
 * last content arrive one right after the other in the same read (a request without a body, a small response) is
 * passed on at once as one full message that keeps the decoded headers and takes over the content buffer, which
 * the aggregator lets through untouched. Everything else (a body split over reads or chunks, a decoding failure)
 * goes to the aggregator as it came, so limits, {@code Expect: 100-continue} and failures are handled there. Saves
 * the aggregator's composite buffer and copies for nearly every message.
 */
final class WholeMessages extends ChannelInboundHandlerAdapter {
    private HttpMessage head;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (head != null) {
            HttpMessage pending = head;
            head = null;
            if (msg instanceof LastHttpContent last && last.decoderResult().isSuccess()) {
                ctx.fireChannelRead(whole(pending, last));
                return;
            }
            ctx.fireChannelRead(pending);
        }
        if (msg instanceof HttpMessage message && !(msg instanceof FullHttpMessage)
                && message.decoderResult().isSuccess()) {
            head = message;
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        passOnHead(ctx);
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        passOnHead(ctx);
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        ReferenceCountUtil.release(head);
        head = null;
    }

    /** A head whose content did not come in the same read: the aggregator waits for the rest. */
    private void passOnHead(ChannelHandlerContext ctx) {
        if (head != null) {
            HttpMessage pending = head;
            head = null;
            ctx.fireChannelRead(pending);
        }
    }

    /** One full message made of {@code head} and {@code last}; takes over the content of {@code last}. */
    private static FullHttpMessage whole(HttpMessage head, LastHttpContent last) {
        if (head instanceof HttpRequest request) {
            return new DefaultFullHttpRequest(request.protocolVersion(), request.method(), request.uri(),
                    last.content(), request.headers(), last.trailingHeaders());
        }
        HttpResponse response = (HttpResponse) head;
        return new DefaultFullHttpResponse(response.protocolVersion(), response.status(), last.content(),
                response.headers(), last.trailingHeaders());
    }
}
