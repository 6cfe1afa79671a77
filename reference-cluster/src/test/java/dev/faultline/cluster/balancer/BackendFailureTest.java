package dev.faultline.cluster.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackendFailureTest {
    private static final Backend N1 = new Backend("n1", new InetSocketAddress("127.0.0.1", 4567));
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    @Test
    void refusedConnectionIs502NamingTheBackend() {
        BackendFailure failure = BackendFailure.of(N1, new ConnectException("Connection refused"), TIMEOUT);

        assertThat(failure.status().code()).isEqualTo(502);
        assertThat(failure.message()).isEqualTo("backend n1 (127.0.0.1:4567) refused the connection");
    }

    @Test
    void connectTimeoutIs504() {
        BackendFailure failure = BackendFailure.of(N1, new ConnectTimeoutException("timed out"), TIMEOUT);

        assertThat(failure.status().code()).isEqualTo(504);
        assertThat(failure.message()).contains("backend n1").contains("300ms");
    }

    @Test
    void resetConnectionIs502() {
        BackendFailure failure = BackendFailure.of(N1, new IOException("Connection reset by peer"), TIMEOUT);

        assertThat(failure.status().code()).isEqualTo(502);
        assertThat(failure.message()).isEqualTo("backend n1 (127.0.0.1:4567) reset the connection");
    }

    @Test
    void connectionClosedBeforeAnsweringIs502() {
        BackendFailure failure = BackendFailure.of(N1, new ClosedChannelException(), TIMEOUT);

        assertThat(failure.status().code()).isEqualTo(502);
        assertThat(failure.message()).contains("closed the connection before answering");
    }

    @Test
    void noAnswerInTimeIs504NamingTheBackendAndTheTimeout() {
        BackendFailure failure = BackendFailure.timedOut(N1, Duration.ofSeconds(10));

        assertThat(failure.status().code()).isEqualTo(504);
        assertThat(failure.message()).isEqualTo("backend n1 (127.0.0.1:4567) did not answer within 10s");
    }
}
