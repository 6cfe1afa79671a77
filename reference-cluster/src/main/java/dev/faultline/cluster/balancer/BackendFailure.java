package dev.faultline.cluster.balancer;

import dev.faultline.cluster.http.HttpResponses;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Locale;

/**
 * Why a backend could not answer, as the client will see it: 502 when the backend failed, 504 when it was too
 * slow. The body names the backend.
 */
record BackendFailure(HttpResponseStatus status, String message) {

    /** The failure a backend's connection or exchange error stands for. */
    static BackendFailure of(Backend backend, Throwable cause, Duration timeout) {
        String who = backend.describe();
        if (cause instanceof ConnectTimeoutException) {
            return gatewayTimeout(who + " did not accept the connection within " + format(timeout));
        }
        if (cause instanceof ConnectException) {
            return badGateway(who + " refused the connection");
        }
        if (cause instanceof PrematureChannelClosureException) {
            return badGateway(who + " closed the connection before answering");
        }
        if (cause instanceof TooLongFrameException) {
            return badGateway(who + " sent a response that is too large: " + cause.getMessage());
        }
        if (cause instanceof DecoderException) {
            return badGateway(who + " sent a malformed response: " + cause.getMessage());
        }
        if (cause instanceof IOException && isReset(cause)) {
            return badGateway(who + " reset the connection");
        }
        if (cause instanceof IOException) {
            return badGateway(who + " closed the connection before answering");
        }
        return badGateway(who + " failed: " + cause);
    }

    /** The backend accepted the request but did not answer in time. */
    static BackendFailure timedOut(Backend backend, Duration timeout) {
        return gatewayTimeout(backend.describe() + " did not answer within " + format(timeout));
    }

    FullHttpResponse toResponse() {
        return HttpResponses.text(status, message);
    }

    private static boolean isReset(Throwable cause) {
        String message = cause.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("reset");
    }

    private static BackendFailure badGateway(String message) {
        return new BackendFailure(HttpResponseStatus.BAD_GATEWAY, message);
    }

    private static BackendFailure gatewayTimeout(String message) {
        return new BackendFailure(HttpResponseStatus.GATEWAY_TIMEOUT, message);
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
