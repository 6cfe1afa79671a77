package dev.faultline.cluster.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/** Building and sending whole HTTP/1.1 responses; every response carries a Content-Length. */
public final class HttpResponses {
    private HttpResponses() {
    }

    /** A short plain-text response; a trailing newline is added so it reads well in a terminal. */
    public static FullHttpResponse text(HttpResponseStatus status, String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body + "\n", UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        return response;
    }

    /** A response without a body, e.g. 204. */
    public static FullHttpResponse empty(HttpResponseStatus status) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
    }

    /** A response with the given bytes and content type. */
    public static FullHttpResponse bytes(HttpResponseStatus status, byte[] body, CharSequence contentType) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        return response;
    }

    /**
     * Answers {@code request}, keeping the connection open if the client asked for keep-alive (the HTTP/1.1
     * default) and closing it after the write otherwise.
     */
    public static ChannelFuture send(ChannelHandlerContext ctx, HttpRequest request, FullHttpResponse response) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        prepare(response, keepAlive, request.protocolVersion());
        ChannelFuture written = ctx.writeAndFlush(response);
        return keepAlive ? written : written.addListener(ChannelFutureListener.CLOSE);
    }

    /** Writes a response saying {@code Connection: close}, then closes the connection. */
    public static ChannelFuture sendAndClose(ChannelHandlerContext ctx, FullHttpResponse response) {
        prepare(response, false, HttpVersion.HTTP_1_1);
        return ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * Sets the headers that describe the connection: Content-Length unless already present (a proxied answer
     * to HEAD keeps the backend's), {@code Connection: close} when the connection will close, and
     * {@code Connection: keep-alive} for an HTTP/1.0 client that asked to keep it.
     */
    public static FullHttpResponse prepare(FullHttpResponse response, boolean keepAlive, HttpVersion requestVersion) {
        if (!response.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        }
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (requestVersion.equals(HttpVersion.HTTP_1_0)) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        return response;
    }
}
