package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writesOneEcsEventPerLineAsTheGoldenFileHasThem() throws Exception {
        Path file = new EventsWriter().write(Golden.recorded("quickstart-failing"), dir);
        assertThat(file).isEqualTo(dir.resolve("events.jsonl"));
        Golden.assertMatches("quickstart-failing.events.jsonl", Golden.read(file));
    }

    @Test
    void eventsRunFromStartThroughFaultsAndVerdictsToTheEndInTimeOrder() throws Exception {
        Path file = new EventsWriter().write(Golden.recorded("quickstart-failing"), dir);
        List<JsonNode> events = Files.readAllLines(file).stream().map(EventsWriterTest::json).toList();
        assertThat(events).extracting(e -> e.at("/event/action").asText()).containsExactly(
                "run-started", "fault-started", "fault-healed",
                "check-failed", "check-passed", "check-passed", "check-passed", "run-ended");
        List<Instant> times = events.stream().map(e -> Instant.parse(e.get("@timestamp").asText())).toList();
        assertThat(times).isSorted();
        JsonNode failed = events.get(3);
        assertThat(failed.at("/event/outcome").asText()).isEqualTo("failure");
        assertThat(failed.at("/labels/check").asText()).isEqualTo("latency read p99");
        assertThat(failed.at("/faultline/check/limit").asDouble()).isEqualTo(1.0);
        assertThat(failed.get("message").asText()).contains("p99 of 'read' in 'steady' was");
        JsonNode end = events.get(7);
        assertThat(end.at("/event/outcome").asText()).isEqualTo("failure");
        assertThat(end.at("/event/duration").asLong()).isEqualTo(events.get(0).at("/faultline/t_ms").asLong()
                + Golden.recorded("quickstart-failing").durationMs() * 1_000_000L);
        assertThat(events.get(1).at("/event/category/0").asText()).isEqualTo("network");
        assertThat(events.get(1).at("/labels/fault").asText()).isEqualTo("slow-store");
    }

    @Test
    void aRunThatCouldNotBeCarriedOutEndsWithAnErrorMessage() {
        List<ObjectNode> events = EventsWriter.events(JUnitXmlWriterTest.results("port 8080 is taken"));
        JsonNode end = events.get(events.size() - 1);
        assertThat(end.at("/event/action").asText()).isEqualTo("run-ended");
        assertThat(end.at("/error/message").asText()).isEqualTo("port 8080 is taken");
        assertThat(end.get("message").asText()).contains("could not be carried out: port 8080 is taken");
    }

    private static JsonNode json(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not one JSON object: " + line, e);
        }
    }
}
