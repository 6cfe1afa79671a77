package dev.faultline.cluster.store;

import static io.netty.handler.codec.http.HttpResponseStatus.BAD_REQUEST;
import static io.netty.handler.codec.http.HttpResponseStatus.INTERNAL_SERVER_ERROR;
import static io.netty.handler.codec.http.HttpResponseStatus.SERVICE_UNAVAILABLE;

import dev.faultline.cluster.http.HttpResponses;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each whole request through the {@link StoreApi}. Answers may complete later and on other threads
 * (a coordinator waits for replicas), so each connection chains its answers: they are written in the order the
 * requests arrived, as HTTP/1.1 pipelining requires, on the connection's event loop.
 */
@Sharable
final class StoreHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(StoreHandler.class);
    private static final AttributeKey<CompletableFuture<Void>> LAST_ANSWER = AttributeKey.valueOf("store-last-answer");

    private final StoreApi api;

    StoreHandler(StoreApi api) {
        this.api = api;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
        HttpVersion version = request.protocolVersion();
        CompletableFuture<FullHttpResponse> answer;
        if (request.decoderResult().isFailure()) {
            answer = CompletableFuture.completedFuture(JsonResponses.error(BAD_REQUEST,
                    "malformed request: " + request.decoderResult().cause().getMessage()));
        } else {
            answer = answer(StoreRequest.of(request));
        }
        CompletableFuture<Void> previous = ctx.channel().attr(LAST_ANSWER).get();
        CompletableFuture<FullHttpResponse> inOrder = previous == null ? answer : previous.thenCombine(answer, (p, a) -> a);
        // an answer ready on the connection's own loop (a local write, a replica's merge) is written at once
        CompletableFuture<Void> written = inOrder.isDone() && ctx.executor().inEventLoop()
                ? inOrder.thenAccept(response -> write(ctx, response, keepAlive, version))
                : inOrder.thenAcceptAsync(response -> write(ctx, response, keepAlive, version), ctx.executor());
        ctx.channel().attr(LAST_ANSWER).set(written);
    }

    private CompletableFuture<FullHttpResponse> answer(StoreRequest request) {
        CompletableFuture<FullHttpResponse> answer;
        try {
            answer = api.handle(request);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof IllegalArgumentException) {
                return JsonResponses.error(BAD_REQUEST, cause.getMessage());
            }
            if (cause instanceof RejectedExecutionException) {
                // the node is stopping: its background work ended before its server
                LOG.debug("{} {} refused: the node is stopping", request.method(), request.rawPath());
                return JsonResponses.error(SERVICE_UNAVAILABLE, "the node is stopping");
            }
            LOG.warn("{} {} failed", request.method(), request.rawPath(), cause);
            return JsonResponses.error(INTERNAL_SERVER_ERROR, "the store failed to answer: " + cause);
        });
    }

    private static void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive, HttpVersion version) {
        HttpResponses.prepare(response, keepAlive, version);
        if (!ctx.channel().isActive()) {
            response.release();
            return;
        }
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing connection {} after an error", ctx.channel(), cause);
        ctx.close();
    }
}
