package dev.faultline.check;

import dev.faultline.observe.ReplicaReadout;
import dev.faultline.plan.CheckSpec;
import dev.faultline.sample.RunRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Lost writes: after the convergence probe, every element whose add was acknowledged is on every replica of its key
 * (set workload), or every acknowledged write is held or superseded by one it did not precede (register workload: a
 * replica holding only values acknowledged before the write was sent has lost it); at most {@code max} (write,
 * replica) pairs may be lost. Not enough data when nothing was acknowledged or read back, when a replica could not be
 * read, or when the acknowledgement log overflowed (some writes went unchecked).
 */
final class LostWritesCheck implements Check {
    static final String WINDOW = "after convergence";
    private final CheckSpec.LostWritesCheck spec;

    LostWritesCheck(CheckSpec.LostWritesCheck spec) {
        this.spec = spec;
    }

    @Override
    public List<Verdict> evaluate(RunRecord record) {
        String name = spec.name() != null ? spec.name() : "lost-writes";
        double limit = spec.max();
        ReplicaReadout r = record.observations().replicas();
        if (r == null || r.checked() == 0) {
            return List.of(notEnough(name, limit, "no acknowledged write was read back from its replicas"
                    + (r != null && !r.unreadable().isEmpty() ? " (" + r.unreadable().get(0) + ")" : ""), List.of()));
        }
        if (!r.unreadable().isEmpty()) {
            return List.of(notEnough(name, limit, r.unreadable().size() + " replica read" + (r.unreadable().size() == 1
                    ? "" : "s") + " failed, so some acknowledged writes went unchecked", r.unreadable()));
        }
        if (!r.complete()) {
            return List.of(notEnough(name, limit, "the acknowledgement log overflowed: " + r.acknowledged()
                    + " writes acknowledged, only part of them checked", List.of()));
        }
        boolean register = r.writes().equals(ReplicaReadout.REGISTER);
        List<String> details = new ArrayList<>();
        for (ReplicaReadout.Missing m : r.missing()) {
            details.add(register
                    ? "key " + m.key() + ": write " + m.element() + " (sent at " + m.sentAtMs() + " ms, acknowledged at "
                            + m.ackedAtMs() + " ms) lost on " + m.replica() + ", which holds " + m.heldInstead()
                    : "key " + m.key() + ": element " + m.element() + " (acknowledged at " + m.ackedAtMs()
                            + " ms) missing on " + m.replica());
        }
        boolean passed = r.missingCount() <= spec.max();
        String plural = r.missingCount() == 1 ? " was" : "s were";
        String message = (register
                ? r.missingCount() + " acknowledged write" + plural + " lost on a replica (it holds only values "
                        + "acknowledged before the write was sent) (" + r.acknowledged() + " acknowledged, "
                        + r.checked() + " write-replica pairs read)"
                : r.missingCount() + " acknowledged element" + plural + " missing from a replica (" + r.acknowledged()
                        + " acknowledged, " + r.checked() + " element-replica pairs read)")
                + ", max " + spec.max() + (details.isEmpty() ? "" : "; e.g. " + details.get(0));
        return List.of(new Verdict(name, "lost-writes", WINDOW, passed, (double) r.missingCount(), limit,
                "writes", message, details));
    }

    private static Verdict notEnough(String name, double limit, String why, List<String> details) {
        return new Verdict(name, "lost-writes", WINDOW, false, null, limit, "writes",
                "lost writes: not enough data (" + why + "), max " + (long) limit, details);
    }
}
