package dev.faultline.faults.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A test client that sends a message through a proxy and reads the echo back, timing the round trip. */
public final class EchoClient implements AutoCloseable {

    private final Socket socket;

    public EchoClient(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.connect(address, 2000);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
    }

    public static EchoClient connect(String hostPort) throws IOException {
        return new EchoClient(address(hostPort));
    }

    public static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    public void send(String message) throws IOException {
        socket.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Reads exactly {@code length} bytes. */
    public String receive(int length) throws IOException {
        byte[] data = socket.getInputStream().readNBytes(length);
        if (data.length < length) {
            throw new IOException("connection closed after " + data.length + " of " + length + " bytes");
        }
        return new String(data, StandardCharsets.UTF_8);
    }

    /** Sends {@code message}, waits for its echo and answers how long that took. */
    public Duration roundTrip(String message) throws IOException {
        long start = System.nanoTime();
        send(message);
        String echoed = receive(message.getBytes(StandardCharsets.UTF_8).length);
        if (!echoed.equals(message)) {
            throw new IOException("echo mismatch: sent '" + message + "', got '" + echoed + "'");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Reads until the peer closes or fails; -1 for a clean end, or throws for a reset. */
    public int readOne() throws IOException {
        InputStream in = socket.getInputStream();
        return in.read();
    }

    /** Sends a FIN: the proxy sees the end of the client's stream. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    public void setReadTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
