package dev.faultline.cluster.balancer;

import dev.faultline.cluster.http.NettyServer;
import dev.faultline.cluster.http.ServerThreads;
import io.netty.channel.ChannelHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms a standby's request path before it is needed: serves the balancer's own pipeline on a private free port for a
 * moment and sends it {@value #REQUESTS} requests for {@code GET /health}, which go on to the backends. The classes of
 * the path are then loaded and its code partly compiled when the standby takes over, instead of the first clients
 * after a failover waiting for that (seconds on a busy machine). The requests show in the standby's metrics.
 */
final class StandbyWarmUp {
    static final int REQUESTS = 200;
    /** The warm-up stops after this long, whatever it has sent; takeover checks wait for it. */
    static final Duration AT_MOST = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(StandbyWarmUp.class);

    private StandbyWarmUp() {
    }

    /** Sends up to {@link #REQUESTS} requests through {@code childInit} within {@link #AT_MOST}; never throws. */
    static void run(String label, String host, ServerThreads threads, ChannelHandler childInit) {
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        int answered = 0;
        try (NettyServer server = NettyServer.start(label + " warm-up", host, 0, threads, childInit)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(AT_MOST).build();
            URI health = URI.create("http://" + server.address().getHostString() + ":" + server.port()
                    + HealthChecker.PATH);
            while (answered < REQUESTS && System.nanoTime() < deadline) {
                client.send(HttpRequest.newBuilder(health).timeout(AT_MOST).build(),
                        HttpResponse.BodyHandlers.discarding());
                answered++;
            }
            LOG.info("{} warmed its request path with {} requests", label, answered);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.info("{} stopped warming its request path after {} requests: {}", label, answered, e.toString());
        }
    }
}
