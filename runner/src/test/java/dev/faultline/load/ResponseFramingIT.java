package dev.faultline.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.plan.RequestSpec;
import dev.faultline.sample.ErrorKind;
import dev.faultline.sample.Outcomes;
import dev.faultline.sample.RunClock;
import dev.faultline.sample.SampleRecorder;
import dev.faultline.sample.Samples;
import dev.faultline.sample.TimeRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The load generator's response parsing through its real connections, against a raw socket server on 127.0.0.1 that
 * answers each path with an awkward framing, written in pieces. Every run is 1 s at 40 requests/s, with a 10 s request
 * timeout: a cold JVM on a busy machine can take seconds to connect its first connections, and a timeout there would
 * hide what the framing does.
 */
class ResponseFramingIT {
    private static final TimeRange ALL = new TimeRange(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
    /** A piece that closes the connection instead of writing. */
    private static final String CLOSE = "(close)";
    private static final Map<String, List<String>> ANSWERS = Map.of(
            "/chunked", List.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nab",
                    "cd\r\n10\r\n0123456789abcdef\r\n0\r\nX-Trailer: y\r\n", "\r\n"),
            "/split", List.of("HTTP/1.1 200 OK\r\nContent-Le", "ngth: 5\r\n\r", "\nhe", "llo"),
            "/interim", List.of("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n", "\r\n"),
            "/head", List.of("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"),
            "/until-close", List.of("HTTP/1.1 200 OK\r\nServer: raw\r\n\r\nthe body ", "runs until the close", CLOSE),
            "/close-mid-body", List.of("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", CLOSE),
            "/close-mid-head", List.of("HTTP/1.1 200 OK\r\nContent-Len", CLOSE),
            "/malformed", List.of("HTTP/1.1 OK\r\nContent-Length: 0\r\n\r\n"),
            "/unasked", List.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));

    @Test
    @Timeout(30)
    void chunkedSplitInterimAndHeadResponsesAreAnsweredOnConnectionsKeptAlive() throws Exception {
        try (RawServer server = new RawServer()) {
            Samples s = run(server, List.of(get("chunked", "/chunked"), get("split", "/split"),
                    get("interim", "/interim"), new RequestSpec("head", 1, "HEAD", "/head", null, null, null, null)));

            for (String name : List.of("chunked", "split", "interim", "head")) {
                Outcomes o = s.outcomes(name, ALL);
                assertThat(o.total()).as(name).isPositive();
                assertThat(o.ok()).as(name).isEqualTo(o.total());
            }
            assertThat(s.outcomes(null, ALL).total()).isEqualTo(40);
            assertThat(server.accepted()).isLessThan(20); // a connection carried two requests or more on average
        }
    }

    @Test
    @Timeout(30)
    void aBodyThatRunsUntilTheCloseIsAnAnswerAndItsConnectionIsNotReused() throws Exception {
        try (RawServer server = new RawServer()) {
            Samples s = run(server, List.of(get("until-close", "/until-close")));

            assertThat(s.outcomes("until-close", ALL)).isEqualTo(new Outcomes(40, 40, Map.of()));
            assertThat(server.accepted()).isEqualTo(40);
        }
    }

    @Test
    @Timeout(30)
    void aConnectionClosedMidResponseEndsTheRequestAsReset() throws Exception {
        try (RawServer server = new RawServer()) {
            Samples s = run(server, List.of(get("mid-body", "/close-mid-body"), get("mid-head", "/close-mid-head")));

            assertThat(s.outcomes("mid-body", ALL).errors()).containsOnlyKeys(ErrorKind.RESET);
            assertThat(s.outcomes("mid-head", ALL).errors()).containsOnlyKeys(ErrorKind.RESET);
            assertThat(s.outcomes(null, ALL).failed()).isEqualTo(40);
        }
    }

    @Test
    @Timeout(30)
    void aMalformedStatusLineIsAnOtherErrorAndClosesTheConnection() throws Exception {
        try (RawServer server = new RawServer()) {
            Samples s = run(server, List.of(get("malformed", "/malformed")));

            assertThat(s.outcomes("malformed", ALL)).isEqualTo(new Outcomes(40, 0, Map.of(ErrorKind.OTHER, 40L)));
            assertThat(server.accepted()).isEqualTo(40);
        }
    }

    @Test
    @Timeout(30)
    void bytesNobodyAskedForAfterAResponseCloseTheConnectionButTheResponseCounts() throws Exception {
        try (RawServer server = new RawServer()) {
            Samples s = run(server, List.of(get("unasked", "/unasked")));

            assertThat(s.outcomes("unasked", ALL)).isEqualTo(new Outcomes(40, 40, Map.of()));
            assertThat(server.accepted()).isEqualTo(40);
        }
    }

    private static Samples run(RawServer server, List<RequestSpec> requests) throws InterruptedException {
        List<String> names = requests.stream().map(RequestSpec::name).toList();
        try (SampleRecorder recorder = new SampleRecorder(names, Optional.empty());
                LoadGenerator load = new LoadGenerator(LoadGeneratorIT.load(requests, 40, 1, Duration.ofSeconds(10), null),
                        server.uri(), 42, RunClock.startNow(), recorder)) {
            LoadSummary summary = load.run();
            assertThat(summary.completed()).isEqualTo(summary.sent()).isEqualTo(40);
            return recorder.finish();
        }
    }

    private static RequestSpec get(String name, String path) {
        return new RequestSpec(name, 1, "GET", path, null, null, null, null);
    }

    /**
     * Answers each request on a thread per connection with the pieces its path names in {@link #ANSWERS}, flushed
     * one by one a few milliseconds apart; {@link #CLOSE} closes the connection.
     */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        private final AtomicInteger accepted = new AtomicInteger();
        private final Thread acceptor = new Thread(this::accept, "raw-server");

        RawServer() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        int accepted() {
            return accepted.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    accepted.incrementAndGet();
                    Thread t = new Thread(() -> serve(connection), "raw-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private static void serve(Socket connection) {
            try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
                connection.setTcpNoDelay(true);
                String path;
                while ((path = readRequestPath(in)) != null) {
                    for (String piece : ANSWERS.get(path)) {
                        if (piece.equals(CLOSE)) {
                            return;
                        }
                        out.write(piece.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        Thread.sleep(2);
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the generator closed the connection (a malformed or unasked answer): nothing more to serve
            }
        }

        /** Reads one request head (the generator's GET and HEAD have no body) and returns its path; null at EOF. */
        private static String readRequestPath(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                head.append((char) b);
                if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                    return head.toString().split(" ", 3)[1];
                }
            }
            return null;
        }
    }
}
