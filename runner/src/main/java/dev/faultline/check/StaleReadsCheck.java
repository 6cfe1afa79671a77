package dev.faultline.check;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.plan.CheckSpec;
import dev.faultline.sample.Acknowledgements;
import dev.faultline.sample.Reads;
import dev.faultline.sample.RunRecord;
import dev.faultline.sample.TimeRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stale reads (set workload): a read of key k is stale when it began after the add of an element e to k was
 * acknowledged, and the set it returned lacks e. "Began" is the read's intended send time, which is at or before
 * the time it really left, and "acknowledged" is when the add's success reached the load generator, so every read
 * counted stale surely began after the acknowledgement. Observed: the share of the window's reads (by start time)
 * that were stale. Not enough data when no read began in the window.
 */
final class StaleReadsCheck implements Check {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAILS = 20;

    private final CheckSpec.StaleReadsCheck spec;

    StaleReadsCheck(CheckSpec.StaleReadsCheck spec) {
        this.spec = spec;
    }

    @Override
    public List<Verdict> evaluate(RunRecord record) {
        String name = spec.name() != null ? spec.name() : "stale-reads";
        double limit = spec.max().percent();
        Window window = new WindowResolver(record.faults(), record.load().durationMs()).resolve(spec.window());
        Map<String, List<Acknowledgements.Ack>> acks = new HashMap<>();
        for (Acknowledgements.Ack ack : record.samples().acknowledgements().entries()) {
            acks.computeIfAbsent(ack.key(), k -> new ArrayList<>()).add(ack);
        }
        Reads reads = record.reads();
        long judged = 0;
        long stale = 0;
        List<String> details = new ArrayList<>();
        for (Reads.Read read : reads.kept()) {
            if (!inWindow(window, read.startMs())) {
                continue;
            }
            judged++;
            String missed = missed(read, acks.getOrDefault(read.key(), List.of()));
            if (missed != null) {
                stale++;
                if (details.size() < MAX_DETAILS) {
                    details.add(missed);
                }
            }
        }
        String what = "stale reads in '" + spec.window() + "'";
        if (judged == 0) {
            return List.of(new Verdict(name, "stale-reads", spec.window(), false, null, limit, "%",
                    what + ": not enough data (no read of the set workload began in the window), max "
                            + Numbers.percent(limit)));
        }
        double observed = 100.0 * stale / judged;
        boolean passed = observed <= limit;
        String sampled = reads.complete() ? "" : ", a uniform sample of " + reads.seen() + " reads";
        String message = what + " were " + Numbers.percent(observed) + " (" + stale + " of " + judged + " reads"
                + sampled + " missed an element acknowledged before they began), max " + Numbers.percent(limit)
                + (details.isEmpty() ? "" : "; e.g. " + details.get(0));
        return List.of(new Verdict(name, "stale-reads", spec.window(), passed, observed, limit, "%", message, details));
    }

    private static boolean inWindow(Window window, long ms) {
        for (TimeRange range : window.ranges()) {
            if (ms >= range.startMs() && ms < range.endMs()) {
                return true;
            }
        }
        return false;
    }

    /** A description of an element the read lacked though its add was acknowledged before the read began; or null. */
    private static String missed(Reads.Read read, List<Acknowledgements.Ack> acks) {
        Set<String> returned = null;
        for (Acknowledgements.Ack ack : acks) {
            if (ack.atMs() >= read.startMs()) {
                continue;
            }
            if (returned == null) {
                returned = elements(read.body());
            }
            if (!returned.contains(ack.element())) {
                return "read of " + read.key() + " begun at " + read.startMs() + " ms lacked " + ack.element()
                        + " (acknowledged at " + ack.atMs() + " ms)";
            }
        }
        return null;
    }

    private static Set<String> elements(String body) {
        if (body == null || body.isBlank()) {
            return Set.of();
        }
        try {
            return new HashSet<>(JSON.readValue(body, new TypeReference<List<String>>() { }));
        } catch (IOException e) {
            return Set.of();
        }
    }
}
