package dev.faultline.cluster.balancer;

import dev.faultline.cluster.http.HttpResponses;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;

/** The 429 answer to a request the rate limiter refused. */
final class LimiterResponses {
    private LimiterResponses() {
    }

    /** 429 with {@code Retry-After} and {@code RateLimit-Limit}, {@code -Remaining} and {@code -Reset}. */
    static FullHttpResponse tooManyRequests(ClientRateLimiter.Decision decision) {
        FullHttpResponse response = HttpResponses.text(HttpResponseStatus.TOO_MANY_REQUESTS,
                decision.reason() + "; retry in " + decision.retryAfterSeconds() + "s");
        response.headers()
                .set(HttpHeaderNames.RETRY_AFTER, decision.retryAfterSeconds())
                .set("RateLimit-Limit", decision.limit())
                .set("RateLimit-Remaining", decision.remaining())
                .set("RateLimit-Reset", decision.resetSeconds());
        return response;
    }
}
