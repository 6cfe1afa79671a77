package dev.faultline.check;

import dev.faultline.observe.ReplicaReadout;
import dev.faultline.plan.CheckSpec;
import dev.faultline.sample.RunRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Lost writes: after the convergence probe, every element whose add was acknowledged is on every replica of its key;
 * at most {@code max} (element, replica) pairs may lack it. Not enough data when nothing was acknowledged or read
 * back, when a replica could not be read, or when the acknowledgement log overflowed (some writes went unchecked).
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
        List<String> details = new ArrayList<>();
        for (ReplicaReadout.Missing m : r.missing()) {
            details.add("key " + m.key() + ": element " + m.element() + " (acknowledged at " + m.ackedAtMs()
                    + " ms) missing on " + m.replica());
        }
        boolean passed = r.missingCount() <= spec.max();
        String message = r.missingCount() + " acknowledged element" + (r.missingCount() == 1 ? " was" : "s were")
                + " missing from a replica (" + r.acknowledged() + " acknowledged, " + r.checked()
                + " element-replica pairs read), max " + spec.max()
                + (details.isEmpty() ? "" : "; e.g. " + details.get(0));
        return List.of(new Verdict(name, "lost-writes", WINDOW, passed, (double) r.missingCount(), limit,
                "writes", message, details));
    }

    private static Verdict notEnough(String name, double limit, String why, List<String> details) {
        return new Verdict(name, "lost-writes", WINDOW, false, null, limit, "writes",
                "lost writes: not enough data (" + why + "), max " + (long) limit, details);
    }
}
