package dev.faultline.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Whole runs against a service the run starts from a command line: the project's plans/command-target.yaml. */
@Timeout(150)
class CommandTargetRunIT {
    private static final Path PLAN = Path.of("../plans/command-target.yaml");

    @TempDir
    Path out;

    private final StringWriter console = new StringWriter();

    /** The plan runs the built jar by a path from the project's root, so the command runs there ({@code dir: ..}). */
    private int run(String... sets) {
        CommandLine cli = dev.faultline.cli.Main.commandLine();
        cli.setOut(new PrintWriter(console, true));
        cli.setErr(new PrintWriter(console, true));
        List<String> args = new ArrayList<>(List.of("run", PLAN.toString(), "--out", out.toString(),
                "--set", "target.command.dir=.."));
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        return cli.execute(args.toArray(String[]::new));
    }

    private JsonNode results() throws Exception {
        return new ObjectMapper().readTree(out.resolve("command-target/results.json").toFile());
    }

    @Test
    void theCommandTargetPlanPassesAndKeepsTheServicesOutputWithTheResults() throws Exception {
        int exit = run();

        assertThat(exit).as(console.toString()).isZero();
        JsonNode results = results();
        assertThat(results.at("/passed").asBoolean()).isTrue();
        assertThat(results.at("/target").asText()).startsWith("command api: java");
        assertThat(results.at("/faults/0/name").asText()).isEqualTo("slow-api");
        assertThat(Files.readString(out.resolve("command-target/cluster/api/api.out")))
                .contains("fault proxy API listening on 127.0.0.1:");
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("faultline.jar proxy"))).isEmpty();
    }

    @Test
    void aServiceThatNeverGetsReadyIsNotCarriedOutAndTheErrorQuotesItsOutput() throws Exception {
        int exit = run("target.command.run=[sh, -c, 'echo cannot open app.conf >&2; exec sleep 30']",
                "target.command.port=1", "target.command.ready-timeout=2s");

        assertThat(exit).as(console.toString()).isEqualTo(3);
        assertThat(results().at("/error").asText())
                .contains("api was not ready within 2 s")
                .contains("cannot open app.conf");
    }
}
