package dev.faultline.observe;

import java.util.List;

/**
 * What the convergence probe saw after the last heal ({@code fromMs}; the load's end when there was no fault): each
 * poll of every store node's digest, when all first agreed ({@code convergedAtMs}, null if they never did within the
 * probe's time), and otherwise the replicas still apart (those not holding the most common digest, or not answering)
 * and a sample of keys whose values differ between them.
 */
public record Convergence(long fromMs, Long convergedAtMs, List<Poll> polls, List<String> apart,
        List<String> differingKeys) {

    /** One round of digests: when, and how many different digests (a node that did not answer counts as one). */
    public record Poll(long tMs, int distinctDigests) {
    }

    public Convergence {
        polls = List.copyOf(polls);
        apart = List.copyOf(apart);
        differingKeys = List.copyOf(differingKeys);
    }

    public boolean converged() {
        return convergedAtMs != null;
    }
}
