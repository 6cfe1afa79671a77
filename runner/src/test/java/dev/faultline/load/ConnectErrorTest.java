package dev.faultline.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.sample.ErrorKind;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class ConnectErrorTest {

    @Test
    void aRefusedConnectIsConnectRefused() {
        assertThat(ConnectionPool.connectError(new ConnectException("Connection refused"))).isEqualTo(ErrorKind.CONNECT_REFUSED);
    }

    @Test
    void aConnectThatTimesOutIsConnectTimeoutThoughNettyMakesItAConnectException() {
        assertThat(ConnectionPool.connectError(new ConnectTimeoutException("timed out"))).isEqualTo(ErrorKind.CONNECT_TIMEOUT);
    }

    @Test
    void anyOtherConnectFailureIsOther() {
        assertThat(ConnectionPool.connectError(new UnknownHostException("nowhere"))).isEqualTo(ErrorKind.OTHER);
    }
}
