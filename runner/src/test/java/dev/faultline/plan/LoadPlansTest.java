package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plans of the load section and the http target: plans/load/, one file per mistake, each located. */
class LoadPlansTest {
    private static final Path DIR = Path.of("src/test/resources/plans/load");
    private final PlanParser parser = new PlanParser();

    private Problem onlyProblemOf(String name) {
        Path file = DIR.resolve(name);
        PlanException e = catchThrowableOfType(PlanException.class, () -> parser.parse(file));
        assertThat(e).as("%s should not parse", name).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void aClosedModelPlanWithAUsersRampThinkTimeAndTheSetWorkloadParses() throws PlanException {
        Plan plan = parser.parse(DIR.resolve("closed.yaml"));

        assertThat(plan.target().http()).isEqualTo(
                new HttpTargetSpec("http://127.0.0.1:8080", List.of("http://127.0.0.1:8081")));
        assertThat(plan.target().links()).isEmpty();
        LoadSpec load = plan.load();
        assertThat(load.model()).isEqualTo(LoadSpec.Model.CLOSED);
        assertThat(load.stages()).containsExactly(
                Stage.users(Duration.ofSeconds(10), new UsersRamp(10, 50)),
                Stage.users(Duration.ofSeconds(20), UsersRamp.constant(50)));
        assertThat(load.thinkTime()).isEqualTo(new ThinkTime(Duration.ofMillis(100), Duration.ofMillis(900)));
        assertThat(load.peakUsers()).isEqualTo(50);
        assertThat(load.requests()).isEqualTo(Workload.SET.requests());
        assertThat(load.requests().get(0).ackLog()).isTrue();
    }

    @Test
    void aLinkFaultOnAnHttpTargetIsRefusedAtTheLink() {
        Problem p = onlyProblemOf("http-with-link-fault.yaml");
        assertThat(p.line()).isEqualTo(8);
        assertThat(p.column()).isEqualTo(44);
        assertThat(p.path()).isEqualTo("faults[0].latency.link");
        assertThat(p.message()).isEqualTo("the http target has no links for network faults");
    }

    @Test
    void aWorkloadAndRequestsTogetherAreRefusedAtTheWorkload() {
        Problem p = onlyProblemOf("workload-and-requests.yaml");
        assertThat(p.line()).isEqualTo(6);
        assertThat(p.path()).isEqualTo("load.workload");
        assertThat(p.message()).isEqualTo("give a 'workload' or 'requests', not both");
    }

    @Test
    void aRateStageInAClosedModelIsRefusedAtItsRate() {
        Problem p = onlyProblemOf("closed-stage-with-rate.yaml");
        assertThat(p.line()).isEqualTo(6);
        assertThat(p.path()).isEqualTo("load.stages[1].rate");
        assertThat(p.message()).startsWith("a closed-model stage needs 'users', not a 'rate'");
    }

    @Test
    void aThinkTimeRangeThatEndsBeforeItStartsIsRefused() {
        Problem p = onlyProblemOf("bad-think-time.yaml");
        assertThat(p.line()).isEqualTo(7);
        assertThat(p.path()).isEqualTo("load.think-time");
        assertThat(p.message()).contains("900ms..100ms").contains("end before it starts");
    }

    @Test
    void usersThatAreNeitherANumberNorARampAreRefusedWithTheForms() {
        Problem p = onlyProblemOf("bad-users.yaml");
        assertThat(p.line()).isEqualTo(6);
        assertThat(p.path()).isEqualTo("load.stages[0].users");
        assertThat(p.message()).isEqualTo("bad users '10 to 50': expected a number of users (20) or a ramp (10 -> 50)");
    }

    @Test
    void anHttpsUrlIsRefusedBecauseTheGeneratorSpeaksPlainHttp() {
        Problem p = onlyProblemOf("https-url.yaml");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.path()).startsWith("target.http");
        assertThat(p.message()).contains("https is not supported");
    }

    @Test
    void thinkTimeInTheOpenModelIsRefused() {
        Problem p = onlyProblemOf("think-time-in-open-model.yaml");
        assertThat(p.path()).isEqualTo("load.think-time");
        assertThat(p.message()).startsWith("think-time belongs to the closed model");
    }

    @Test
    void thinkTimeParsesAFixedDurationOrARange() {
        assertThat(ThinkTime.parse("500ms")).isEqualTo(ThinkTime.fixed(Duration.ofMillis(500)));
        assertThat(ThinkTime.parse(" 100ms .. 1.5s ")).isEqualTo(new ThinkTime(Duration.ofMillis(100), Duration.ofMillis(1500)));
        assertThat(ThinkTime.parse("100ms..900ms")).hasToString("100ms..900ms");
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> ThinkTime.parse("100..900ms")))
                .hasMessage("bad think time '100..900ms': expected a duration (500ms) or a range of two (100ms..900ms)");
    }

    @Test
    void usersRampInterpolatesAlongTheStage() {
        UsersRamp ramp = UsersRamp.parse("10 -> 50");
        assertThat(ramp.at(0)).isEqualTo(10);
        assertThat(ramp.at(0.5)).isEqualTo(30);
        assertThat(ramp.at(1)).isEqualTo(50);
        assertThat(UsersRamp.parse("7")).isEqualTo(UsersRamp.constant(7));
    }
}
