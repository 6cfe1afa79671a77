package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --set dotted.path=value} overrides, applied to the YAML tree before binding. */
class OverridesTest {
    private static final Path QUICKSTART = Path.of("src/test/resources/plans/good/quickstart.yaml");
    private final PlanParser parser = new PlanParser();

    private Plan parseWith(String... overrides) throws PlanException {
        return parser.parse(QUICKSTART, List.of(overrides));
    }

    private Problem onlyProblemWith(String... overrides) {
        PlanException e = catchThrowableOfType(PlanException.class, () -> parseWith(overrides));
        assertThat(e).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void overridesReplaceValuesInListsMapsAndTheRoot() throws PlanException {
        Plan plan = parseWith("load.stages[0].rate=50/s", "seed=9", "checks[1].latency.p99=80ms");

        assertThat(plan.load().stages().get(0).rate()).isEqualTo(RateRamp.constant(new Rate(50)));
        assertThat(plan.seed()).isEqualTo(9L);
        assertThat(plan.checks().get(1).latency().p99()).isEqualTo(Duration.ofMillis(80));
        assertThat(plan.checks().get(1).latency().p50()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void overrideCreatesMapsThatThePlanLeftOut() throws PlanException {
        Plan plan = parseWith("report.dir=build/out", "load.requests[0].headers.X-Run=ci");

        assertThat(plan.report().dir()).isEqualTo("build/out");
        assertThat(plan.load().requests().get(0).headers()).containsEntry("X-Run", "ci");
    }

    @Test
    void laterOverrideOfTheSamePathWins() throws PlanException {
        assertThat(parseWith("seed=9", "seed=10").seed()).isEqualTo(10L);
    }

    @Test
    void overrideValueIsAYamlScalarSoAQuotedNumberIsText() {
        Problem p = onlyProblemWith("seed='9'");
        assertThat(p.path()).isEqualTo("seed");
        assertThat(p.line()).isZero();
        assertThat(p.message()).isEqualTo("expected a whole number, found the text '9'");
        assertThat(p.hint()).isEqualTo("set by --set 'seed='9''");
    }

    @Test
    void misspelledOverridePathIsReportedWithTheOverrideAndASuggestion() {
        Problem p = onlyProblemWith("laod.stages[0].rate=50/s");
        assertThat(p.file()).isEqualTo(QUICKSTART.toString());
        assertThat(p.message()).isEqualTo("--set 'laod.stages[0].rate=50/s': 'laod' is not in a plan "
                + "(did you mean 'load'? known keys: name, description, seed, target, load, faults, checks, report)");
    }

    @Test
    void overrideIndexPastTheEndOfAListIsReported() {
        Problem p = onlyProblemWith("load.stages[3].rate=50/s");
        assertThat(p.message()).isEqualTo(
                "--set 'load.stages[3].rate=50/s': 'load.stages' has 1 entry, so there is no [3] (indexes count from 0)");
    }

    @Test
    void overrideIntoAScalarIsReported() {
        Problem p = onlyProblemWith("seed.x=1");
        assertThat(p.message()).isEqualTo("--set 'seed.x=1': 'seed' is a single value and has no key 'x'");
    }

    @Test
    void overrideWithoutEqualsSignIsReported() {
        Problem p = onlyProblemWith("seed");
        assertThat(p.message()).isEqualTo("--set 'seed': expected path=value, e.g. load.stages[0].rate=50/s");
    }

    @Test
    void crossFieldProblemCausedByAnOverrideNamesTheOverride() {
        Problem p = onlyProblemWith("faults[0].latency.link=lb->n9");
        assertThat(p.path()).isEqualTo("faults[0].latency.link");
        assertThat(p.message()).isEqualTo("unknown link 'lb->n9'");
        assertThat(p.hint()).endsWith("; set by --set 'faults[0].latency.link=lb->n9'");
    }

    @Test
    void everyBadOverrideIsReported() {
        PlanException e = catchThrowableOfType(PlanException.class, () -> parseWith("nmae=x", "seed=1", "load.stagez=1"));
        assertThat(e.problems()).hasSize(2);
    }
}
