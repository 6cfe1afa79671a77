package dev.faultline.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.cluster.store.StoreNode;
import dev.faultline.cluster.store.StoreNodeConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Whole runs against a system that is already running (a store node on 127.0.0.1), through the command line. */
@Timeout(60)
class HttpTargetRunIT {
    @TempDir
    Path out;

    private final StringWriter console = new StringWriter();

    private int run(Path plan) {
        CommandLine cli = dev.faultline.cli.Main.commandLine();
        cli.setOut(new PrintWriter(console, true));
        cli.setErr(new PrintWriter(console, true));
        return cli.execute("run", plan.toString(), "--out", out.toString());
    }

    private Path plan(String name, String url, String load) throws Exception {
        Path file = out.resolve(name + ".yaml");
        Files.writeString(file, "name: " + name + "\n"
                + "target:\n  http: { url: \"" + url + "\" }\n"
                + "load:\n" + load
                + "checks:\n  - availability: { min: 99% }\n");
        return file;
    }

    @Test
    void closedModelUsersDriveTheRegisterWorkloadAgainstARunningStoreNode() throws Exception {
        try (StoreNode node = StoreNode.start(new StoreNodeConfig("ext", "127.0.0.1", 0))) {
            Path plan = plan("external-register", "http://127.0.0.1:" + node.port(), """
                      model: closed
                      stages: [ { duration: 2s, users: 1 -> 4 } ]
                      think-time: 10ms..30ms
                      workload: register
                      warmup: 500ms
                    """);

            int exit = run(plan);

            assertThat(exit).as(console.toString()).isZero();
            JsonNode results = new ObjectMapper().readTree(out.resolve("external-register/results.json").toFile());
            assertThat(results.at("/target").asText()).isEqualTo("http system at http://127.0.0.1:" + node.port());
            assertThat(results.at("/load/model").asText()).isEqualTo("closed");
            assertThat(results.at("/load/users").asInt()).isEqualTo(4);
            assertThat(results.at("/load/iterations").asLong()).isPositive()
                    .isEqualTo(results.at("/load/completed").asLong());
            assertThat(results.at("/requests/write/ok").asLong()).isPositive();
            assertThat(results.at("/requests/read/ok").asLong()).isPositive();
        }
    }

    @Test
    void anHttpTargetWithNothingListeningCannotBeCarriedOutAndSaysWhere() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path plan = plan("nobody-home", "http://127.0.0.1:" + port, """
                  stages: [ { duration: 1s, rate: 10/s } ]
                  requests: [ { name: read, path: "/" } ]
                """);

        int exit = run(plan);

        assertThat(exit).as(console.toString()).isEqualTo(3);
        assertThat(console.toString()).contains("nothing accepts connections at 127.0.0.1:" + port);
    }
}
