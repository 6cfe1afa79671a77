package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan keys that seed defects into the reference cluster, and their mistakes at file:line:column. */
class SeededDefectKeysTest {
    private static final Path DIR = Path.of("src/test/resources/plans/defect-keys");
    private final PlanParser parser = new PlanParser();

    private Problem onlyProblemOf(String name) {
        PlanException e = catchThrowableOfType(PlanException.class, () -> parser.parse(DIR.resolve(name)));
        assertThat(e).as("%s should not parse", name).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void everyDefectKeyParsesAndTheChecksThatCatchThemAreAccepted() throws PlanException {
        Plan plan = parser.parse(DIR.resolve("defects-on.yaml"));
        ClusterSpec cluster = plan.target().cluster();

        assertThat(cluster.store().antiEntropy()).isEqualTo(Duration.ZERO);
        assertThat(cluster.store().antiEntropyOn()).isFalse();
        assertThat(cluster.store().hintedHandoff()).isFalse();
        assertThat(cluster.store().durability()).isEqualTo(StoreSpec.Durability.NONE);
        assertThat(cluster.breaker().enabled()).isFalse();
        assertThat(cluster.limiter().enabled()).isFalse();
        assertThat(cluster.limiter().rate()).isEqualTo(new Rate(20));
        assertThat(plan.checks()).hasSize(3);
    }

    @Test
    void theDefectsAreOffByDefault() {
        StoreSpec store = StoreSpec.DEFAULTS;

        assertThat(store.antiEntropy()).isEqualTo(Duration.ofSeconds(1));
        assertThat(store.antiEntropyOn()).isTrue();
        assertThat(store.hintedHandoff()).isTrue();
        assertThat(new LimiterSpec(new Rate(20), null, null, null).enabled()).isTrue();
    }

    @Test
    void overridesSwitchTheDefectsBackOn() throws PlanException {
        Plan plan = parser.parse(DIR.resolve("defects-on.yaml"), List.of("target.cluster.store.anti-entropy=500ms",
                "target.cluster.store.hinted-handoff=true", "target.cluster.limiter.enabled=true"));

        assertThat(plan.target().cluster().store().antiEntropy()).isEqualTo(Duration.ofMillis(500));
        assertThat(plan.target().cluster().store().hintedHandoff()).isTrue();
        assertThat(plan.target().cluster().limiter().enabled()).isTrue();
    }

    @Test
    void anAntiEntropyPeriodOfZeroIsRefusedAskingForOff() {
        Problem p = onlyProblemOf("anti-entropy-zero.yaml");

        assertThat(p.line()).isEqualTo(4);
        assertThat(p.column()).isEqualTo(38);
        assertThat(p.path()).isEqualTo("target.cluster.store.anti-entropy");
        assertThat(p.message()).isEqualTo(
                "a period of 0 never comes round: write off to switch it off, or a period such as 1s");
    }

    @Test
    void anAntiEntropyValueThatIsNeitherADurationNorOffIsRefused() {
        Problem p = onlyProblemOf("anti-entropy-never.yaml");

        assertThat(p.line()).isEqualTo(4);
        assertThat(p.path()).isEqualTo("target.cluster.store.anti-entropy");
        assertThat(p.message()).isEqualTo("bad duration 'never': expected a number and a unit us, ms, s, m or h "
                + "(e.g. 250ms, 5s, 1m), or off");
    }

    @Test
    void hintedHandoffTakesTrueOrFalseNotText() {
        Problem p = onlyProblemOf("hinted-handoff-text.yaml");

        assertThat(p.line()).isEqualTo(6);
        assertThat(p.column()).isEqualTo(23);
        assertThat(p.path()).isEqualTo("target.cluster.store.hinted-handoff");
        assertThat(p.message()).startsWith("expected true or false");
    }

    @Test
    void limiterEnabledTakesTrueOrFalse() {
        Problem p = onlyProblemOf("limiter-enabled-text.yaml");

        assertThat(p.line()).isEqualTo(4);
        assertThat(p.path()).isEqualTo("target.cluster.limiter.enabled");
    }
}
