package dev.faultline.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.plan.Plan;
import dev.faultline.plan.PlanParser;
import dev.faultline.report.Results;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The live metrics endpoint, scraped while a short plan runs against the in-JVM reference cluster. */
@Timeout(120)
class LiveMetricsEndpointIT {
    private static final Path SHORT = Path.of("src/test/resources/plans/short-with-fault.yaml");

    @TempDir
    Path out;

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    @Test
    void servesRateLatencyErrorsAndActiveFaultsWhileAPlanRuns() throws Exception {
        Plan plan = new PlanParser().parse(SHORT);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        List<String> scrapes = new ArrayList<>();
        try (LiveMetricsEndpoint live = LiveMetricsEndpoint.start(0)) {
            URI uri = URI.create("http://127.0.0.1:" + live.port() + "/metrics");
            CompletableFuture<Results> run = CompletableFuture.supplyAsync(() ->
                    new PlanRun(plan, out.resolve(plan.name()), new PrintWriter(new StringWriter()), Optional.of(live))
                            .execute());
            while (!run.isDone()) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                        t -> assertThat(t).startsWith("text/plain"));
                scrapes.add(response.body());
                Thread.sleep(250);
            }
            assertThat(run.get().error()).isNull();
            assertThat(out.resolve("short-with-fault/summary.md")).as("written by default").content()
                    .containsPattern("short-with-fault: [0-3] of 3 checks held");
            assertThat(out.resolve("short-with-fault/events.jsonl")).as("written by default").content()
                    .contains("\"action\":\"fault-healed\"");
            String after = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(value(after, "faultline_run_active{plan=\"short-with-fault\"}")).isZero();
        }
        String fault = "faultline_fault_active{fault=\"slow-store\",plan=\"short-with-fault\"}";
        assertThat(scrapes).as("a scrape while the fault was active")
                .anySatisfy(s -> assertThat(value(s, fault)).isEqualTo(1.0));
        assertThat(scrapes).as("a scrape that saw requests in the last second")
                .anySatisfy(s -> assertThat(value(s, "faultline_requests_per_second")).isGreaterThan(0));
        assertThat(scrapes).as("a scrape that saw the slow link in the p99 (60 ms delay)")
                .anySatisfy(s -> assertThat(value(s, "faultline_latency_p99_seconds")).isGreaterThanOrEqualTo(0.055));
        String last = scrapes.get(scrapes.size() - 1);
        assertThat(last).contains("faultline_request_errors_total{kind=\"timeout\"}");
        assertThat(dashboardMetrics()).as("every metric the Grafana dashboard queries is served")
                .allSatisfy(metric -> assertThat(last).containsPattern("(?m)^" + metric + "[{ ]"));
        promtoolAccepts(last);
    }

    /** The metric names that docs/grafana/faultline-run.json queries. */
    private static Set<String> dashboardMetrics() throws Exception {
        String dashboard = Files.readString(Path.of("../docs/grafana/faultline-run.json"));
        new ObjectMapper().readTree(dashboard);
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("faultline_[a-z0-9_]+").matcher(dashboard);
        while (m.find()) {
            names.add(m.group());
        }
        assertThat(names).isNotEmpty();
        return names;
    }

    /** promtool (Debian package prometheus) checks the exposition format, when installed. */
    private static void promtoolAccepts(String scrape) throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        if (!Files.isExecutable(promtool)) {
            return;
        }
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(scrape.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(said).isZero();
    }

    @Test
    void aTakenPortMeansTheRunCannotBeCarriedOut() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            StringWriter console = new StringWriter();
            picocli.CommandLine cli = dev.faultline.cli.Main.commandLine();
            cli.setOut(new PrintWriter(console, true));
            cli.setErr(new PrintWriter(console, true));
            int exit = cli.execute("run", SHORT.toString(), "--out", out.toString(),
                    "--metrics-port", String.valueOf(taken.getLocalPort()));
            assertThat(exit).isEqualTo(3);
            assertThat(console.toString()).contains("cannot serve live metrics on 127.0.0.1:" + taken.getLocalPort());
            assertThat(out.resolve("short-with-fault")).doesNotExist();
        }
    }
}
