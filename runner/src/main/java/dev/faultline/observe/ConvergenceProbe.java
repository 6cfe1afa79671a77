package dev.faultline.observe;

import dev.faultline.sample.RunClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Polls every store node's digest, every {@value #POLL_MS} ms, from the last heal until all nodes report the same one
 * or {@code patience} has passed since the last heal (at least one poll is always made). When they never agree, the
 * nodes apart are those without the most common digest (or that did not answer), and the differing keys are sampled
 * by comparing each of them with a node that has the most common digest.
 */
final class ConvergenceProbe {
    static final long POLL_MS = 100;
    static final int MAX_DIFFERING_KEYS = 20;

    private final StoreNodes nodes;
    private final RunClock clock;

    ConvergenceProbe(StoreNodes nodes, RunClock clock) {
        this.nodes = nodes;
        this.clock = clock;
    }

    Convergence await(long fromMs, Duration patience) {
        long deadlineMs = fromMs + patience.toMillis();
        List<Convergence.Poll> polls = new ArrayList<>();
        Map<String, String> digests;
        do {
            long tMs = clock.millisNow();
            digests = nodes.digests();
            int distinct = distinct(digests.values());
            polls.add(new Convergence.Poll(tMs, distinct));
            if (distinct == 1) {
                return new Convergence(fromMs, tMs, polls, List.of(), List.of());
            }
            LockSupport.parkNanos(POLL_MS * 1_000_000L);
        } while (clock.millisNow() <= deadlineMs && !Thread.currentThread().isInterrupted());
        return apart(fromMs, polls, digests);
    }

    /** Different digests, a node that did not answer counting as one of its own. */
    static int distinct(Collection<String> digests) {
        Set<String> seen = new LinkedHashSet<>();
        int unanswered = 0;
        for (String d : digests) {
            if (d == null) {
                unanswered++;
            } else {
                seen.add(d);
            }
        }
        return seen.size() + unanswered;
    }

    private Convergence apart(long fromMs, List<Convergence.Poll> polls, Map<String, String> digests) {
        Map<String, Integer> counts = new HashMap<>();
        digests.values().stream().filter(Objects::nonNull).forEach(d -> counts.merge(d, 1, Integer::sum));
        String common = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        List<String> apart = digests.entrySet().stream().filter(e -> !Objects.equals(e.getValue(), common) || common == null)
                .map(Map.Entry::getKey).toList();
        String reference = digests.entrySet().stream().filter(e -> common != null && common.equals(e.getValue()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        Set<String> differing = new LinkedHashSet<>();
        if (reference != null) {
            for (String node : apart) {
                if (digests.get(node) == null || differing.size() >= MAX_DIFFERING_KEYS) {
                    continue;
                }
                try {
                    differing.addAll(nodes.differingKeys(reference, node, MAX_DIFFERING_KEYS - differing.size()));
                } catch (RuntimeException unreachable) {
                    // the node stopped answering between the digest and the comparison: it is apart already
                }
            }
        }
        return new Convergence(fromMs, null, polls, apart, List.copyOf(differing));
    }
}
