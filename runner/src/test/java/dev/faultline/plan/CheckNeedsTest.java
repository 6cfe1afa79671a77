package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A check whose target or load cannot give it what it judges is a plan problem, at the check. */
class CheckNeedsTest {
    private static final Path PLAN = Path.of("src/test/resources/plans/bad/check-needs.yaml");

    @Test
    void checksThatTheTargetOrLoadCannotFeedAreReportedAtTheCheck() {
        PlanException e = catchThrowableOfType(PlanException.class, () -> new PlanParser().parse(PLAN));
        assertThat(e).isNotNull();
        List<String> problems = e.problems().stream().map(Problem::toString).toList();
        assertThat(problems).containsExactly(
                PLAN + ":9:18 checks[0].lost-writes: a lost-writes check needs the set or register workload, whose"
                        + " every write is unique (set load.workload: set (with target.cluster.store.conflicts:"
                        + " set-union) or register)",
                PLAN + ":10:18 checks[1].stale-reads: a stale-reads check needs the set workload, whose every element is"
                        + " unique (set load.workload: set (and target.cluster.store.conflicts: set-union))",
                PLAN + ":11:25 checks[2].breaker.backend: no store node is named 'n4' (did you mean 'n1'? store"
                        + " nodes: n1, n2, n3)",
                PLAN + ":12:17 checks[3].rate-limit: a rate-limit check needs a limiter: the reference cluster's balancer"
                        + " limits nobody without one (add target.cluster.limiter, e.g. { rate: 50/s, burst: 10 })");
    }
}
