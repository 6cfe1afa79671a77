package dev.faultline.check;

import dev.faultline.observe.Convergence;
import dev.faultline.plan.CheckSpec;
import dev.faultline.sample.RunRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Convergence: after the last heal, every store node reports the same digest within the bound. Observed: the time
 * from the last heal to the first poll where all agreed. Not enough data when no probe was made (no store nodes).
 */
final class ConvergenceCheck implements Check {
    static final String WINDOW = "after heal";
    private final CheckSpec.ConvergenceCheck spec;

    ConvergenceCheck(CheckSpec.ConvergenceCheck spec) {
        this.spec = spec;
    }

    @Override
    public List<Verdict> evaluate(RunRecord record) {
        String name = spec.name() != null ? spec.name() : "convergence";
        double limitMs = spec.within().toMillis();
        Convergence c = record.observations().convergence();
        if (c == null || c.polls().isEmpty()) {
            return List.of(new Verdict(name, "convergence", WINDOW, false, null, limitMs, "ms",
                    "convergence: not enough data (no store node's digest was polled), within " + Numbers.ms(limitMs)));
        }
        if (!c.converged()) {
            long lastPollMs = c.polls().get(c.polls().size() - 1).tMs();
            List<String> details = new ArrayList<>();
            c.apart().forEach(node -> details.add("apart: " + node));
            c.differingKeys().forEach(key -> details.add("differing key: " + key));
            return List.of(new Verdict(name, "convergence", WINDOW, false, null, limitMs, "ms",
                    "the store nodes had not converged " + Numbers.ms(lastPollMs - c.fromMs()) + " after the last heal ("
                            + c.polls().size() + " poll" + (c.polls().size() == 1 ? "" : "s") + "); apart: " + String.join(", ", c.apart())
                            + (c.differingKeys().isEmpty() ? "" : "; differing keys include "
                            + String.join(", ", c.differingKeys().subList(0, Math.min(5, c.differingKeys().size()))))
                            + "; within " + Numbers.ms(limitMs), details));
        }
        double observed = Math.max(0, c.convergedAtMs() - c.fromMs());
        boolean passed = observed <= limitMs;
        return List.of(new Verdict(name, "convergence", WINDOW, passed, observed, limitMs, "ms",
                "every store node reported the same digest " + Numbers.ms(observed) + " after the last heal ("
                        + c.polls().size() + " poll" + (c.polls().size() == 1 ? "" : "s") + "), within "
                        + Numbers.ms(limitMs) + (passed ? "" : " (over by " + Numbers.ms(observed - limitMs) + ")")));
    }
}
