package dev.faultline.cluster.balancer;

import io.netty.handler.codec.http.HttpRequest;

/** Chooses the backend for one request; a balancing strategy. Called from several event loops at once. */
interface BackendSelector {
    Backend select(HttpRequest request);
}
