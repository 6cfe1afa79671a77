package dev.faultline.cluster.metrics;

import dev.faultline.cluster.http.HttpResponses;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Answers {@code GET /metrics} with the registry in Prometheus text format; anything else gets 404 or 405.
 * Place it after an HTTP server codec and aggregator.
 */
@Sharable
public final class MetricsResponder extends SimpleChannelInboundHandler<FullHttpRequest> {
    public static final String PATH = "/metrics";

    private final PrometheusMeterRegistry registry;

    public MetricsResponder(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /** True if {@code request} asks for the metrics. */
    public static boolean wants(FullHttpRequest request) {
        return new QueryStringDecoder(request.uri()).path().equals(PATH);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            HttpResponses.sendAndClose(ctx, HttpResponses.text(HttpResponseStatus.BAD_REQUEST, "malformed request"));
        } else if (!wants(request)) {
            HttpResponses.send(ctx, request, HttpResponses.text(HttpResponseStatus.NOT_FOUND,
                    "only GET " + PATH + " is served here"));
        } else if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
            HttpResponses.send(ctx, request, HttpResponses.text(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    PATH + " answers GET only"));
        } else {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            HttpResponses.send(ctx, request, HttpResponses.bytes(HttpResponseStatus.OK, body, PrometheusMetrics.CONTENT_TYPE));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
