package dev.faultline.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.check.Verdict;
import dev.faultline.fault.FaultRecord;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes {@code events.jsonl}: one JSON object a line for each event of a run — run start and end, fault start and
 * heal, circuit-breaker transitions (from the scraped metrics) and check verdicts — in time order, with Elastic
 * Common Schema field names ({@code @timestamp}, {@code event.*}, {@code message}, {@code labels.*}) and the rest
 * under {@code faultline.*}, so a log shipper can send it to Elasticsearch as it is.
 */
public final class EventsWriter implements ReportWriter {
    public static final String FILE = "events.jsonl";
    static final String ECS_VERSION = "8.11.0";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> NETWORK_FAULTS = Set.of("latency", "partition", "bandwidth", "reset", "blackhole");

    @Override
    public Path write(Results results, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (ObjectNode event : events(results)) {
                out.write(MAPPER.writeValueAsString(event));
                out.write('\n');
            }
        }
        return file;
    }

    /** The run's events in time order (stable: at the same time, in the order they are listed above). */
    static List<ObjectNode> events(Results results) {
        Instant zero = Instant.parse(results.startedAt());
        List<Timed> events = new ArrayList<>();
        ObjectNode start = event(results, zero, 0, "process", "start", "run-started",
                "run of plan " + results.plan() + " started (seed " + results.seed() + ", " + results.target() + ")");
        events.add(new Timed(0, start));
        for (FaultRecord f : results.faults()) {
            String category = NETWORK_FAULTS.contains(f.type()) ? "network" : "host";
            events.add(new Timed(f.startMs(), fault(event(results, zero, f.startMs(), category, "start",
                    "fault-started", "fault " + f.name() + " (" + f.type() + " " + f.target() + ") started"), f)));
            if (f.endMs() != null) {
                events.add(new Timed(f.endMs(), fault(event(results, zero, f.endMs(), category, "end",
                        "fault-healed", "fault " + f.name() + " (" + f.type() + " " + f.target() + ") healed"), f)));
            }
        }
        for (BreakerTransitions.Transition t : BreakerTransitions.of(ResultsTree.metrics(results))) {
            String who = t.labels().isEmpty() ? t.component() : t.component() + " " + t.labels();
            ObjectNode e = event(results, zero, t.tMs(), "network", "change", "breaker-transition",
                    "circuit breaker of " + who + " went from " + t.from() + " to " + t.to());
            ObjectNode labels = (ObjectNode) e.get("labels");
            labels.put("component", t.component());
            t.labels().forEach(labels::put);
            ObjectNode breaker = ((ObjectNode) e.get("faultline")).putObject("breaker");
            breaker.put("component", t.component()).put("from", t.from()).put("to", t.to());
            events.add(new Timed(t.tMs(), e));
        }
        long end = results.durationMs();
        for (Verdict v : results.checks()) {
            ObjectNode e = event(results, zero, end, "process", "info", v.passed() ? "check-passed" : "check-failed",
                    v.message());
            outcome(e, v.passed());
            ((ObjectNode) e.get("labels")).put("check", v.name()).put("window", v.window());
            ObjectNode check = ((ObjectNode) e.get("faultline")).putObject("check");
            check.put("name", v.name()).put("type", v.type()).put("window", v.window()).put("passed", v.passed())
                    .put("limit", v.limit()).put("unit", v.unit());
            if (v.observed() == null) {
                check.putNull("observed");
            } else {
                check.put("observed", v.observed());
            }
            ResultsTree.details(v).forEach(check.putArray("details")::add);
            events.add(new Timed(end, e));
        }
        String verdict = results.error() != null ? "could not be carried out: " + results.error()
                : String.format(Locale.ROOT, "%s: %d of %d checks held", results.passed() ? "passed" : "failed",
                results.checks().size() - results.failedChecks(), results.checks().size());
        ObjectNode finish = event(results, zero, end, "process", "end", "run-ended",
                "run of plan " + results.plan() + " " + verdict);
        outcome(finish, results.passed());
        ((ObjectNode) finish.get("event")).put("duration", end * 1_000_000L);
        if (results.error() != null) {
            finish.putObject("error").put("message", results.error());
        }
        ((ObjectNode) finish.get("faultline")).put("passed", results.passed())
                .put("checks_failed", results.failedChecks()).put("achieved_rate", results.load().achievedRate());
        events.add(new Timed(end, finish));
        events.sort(Comparator.comparingLong(Timed::tMs));
        return events.stream().map(Timed::event).toList();
    }

    private record Timed(long tMs, ObjectNode event) {
    }

    private static ObjectNode event(Results results, Instant zero, long tMs, String category, String type,
            String action, String message) {
        ObjectNode e = MAPPER.createObjectNode();
        e.put("@timestamp", zero.plusMillis(tMs).toString());
        e.putObject("ecs").put("version", ECS_VERSION);
        ObjectNode event = e.putObject("event");
        event.put("kind", "event");
        event.putArray("category").add(category);
        event.putArray("type").add(type);
        event.put("action", action);
        event.put("dataset", "faultline.run");
        e.put("message", message);
        e.putObject("labels").put("plan", results.plan());
        e.putObject("faultline").put("plan", results.plan()).put("seed", results.seed()).put("t_ms", tMs);
        return e;
    }

    private static ObjectNode fault(ObjectNode e, FaultRecord f) {
        ((ObjectNode) e.get("labels")).put("fault", f.name());
        ObjectNode fault = ((ObjectNode) e.get("faultline")).putObject("fault");
        fault.put("name", f.name()).put("type", f.type()).put("target", f.target()).put("start_ms", f.startMs());
        if (f.endMs() == null) {
            fault.putNull("end_ms");
        } else {
            fault.put("end_ms", f.endMs());
        }
        return e;
    }

    private static void outcome(ObjectNode e, boolean success) {
        ((ObjectNode) e.get("event")).put("outcome", success ? "success" : "failure");
    }
}
