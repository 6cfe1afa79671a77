package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.check.Verdict;
import dev.faultline.fault.FaultRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonResultsWriterTest {
    @TempDir
    Path dir;

    private static Results sample() {
        return new Results("quickstart", false, null, "2026-11-23T20:00:00Z", 10_000, 7, "test",
                new Results.Load("open", 200, 199.5, 1995, 1990, 5),
                Map.of("read", new Results.RequestResult(1500, 1490, Map.of("5xx", 10L),
                        new Results.LatencyMs(1.2, 2.5, 9.9, 61.0, 70.1))),
                List.of(new FaultRecord("slow-store", "latency", "lb->n1", 3002, 6001L)),
                List.of(new Verdict("latency read p99", "latency", "steady", false, 83.1, 50, "ms", "over")),
                List.of(), new Results.FaultsHealed(true, List.of()));
    }

    @Test
    void writesTheFieldsOfTheResultsContract() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new JsonResultsWriter().write(sample(), dir).toFile());
        assertThat(json.fieldNames()).toIterable().contains("plan", "passed", "startedAt", "durationMs", "load",
                "requests", "faults", "checks");
        assertThat(json.at("/load").fieldNames()).toIterable()
                .contains("model", "targetRate", "achievedRate", "sent", "completed");
        assertThat(json.at("/requests/read/latencyMs/p999").asDouble()).isEqualTo(61.0);
        assertThat(json.at("/requests/read/errors/5xx").asLong()).isEqualTo(10);
        assertThat(json.at("/faults/0").fieldNames()).toIterable()
                .containsExactly("name", "type", "target", "startMs", "endMs");
        assertThat(json.at("/checks/0").fieldNames()).toIterable()
                .contains("name", "type", "window", "passed", "observed", "limit", "message");
        assertThat(json.at("/checks/0/type").asText()).isEqualTo("latency");
        assertThat(json.at("/faultsHealed/verified").asBoolean()).isTrue();
        assertThat(json.at("/faultsHealed/leftovers").isArray()).isTrue();
    }

    @Test
    void resultsReadBackEqualWhatWasWritten() throws Exception {
        Results written = sample();
        assertThat(JsonResultsWriter.read(new JsonResultsWriter().write(written, dir))).isEqualTo(written);
    }
}
