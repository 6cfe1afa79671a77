package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One bad plan file per mistake under plans/bad/, each asserting where the problem is and what it says. */
class BadPlansTest {
    private static final Path BAD = Path.of("src/test/resources/plans/bad");
    private final PlanParser parser = new PlanParser();

    private List<Problem> problemsOf(String name) {
        Path file = BAD.resolve(name);
        PlanException e = catchThrowableOfType(PlanException.class, () -> parser.parse(file));
        assertThat(e).as("%s should not parse", name).isNotNull();
        assertThat(e.getMessage()).startsWith("There were problems with plan " + file + ":");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file.toString()));
        return e.problems();
    }

    private Problem onlyProblemOf(String name) {
        List<Problem> problems = problemsOf(name);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static void assertAt(Problem p, int line, int column, String path) {
        assertThat(p.line()).as("line of %s", p).isEqualTo(line);
        assertThat(p.column()).as("column of %s", p).isEqualTo(column);
        assertThat(p.path()).as("path of %s", p).isEqualTo(path);
    }

    @Test
    void misspelledKeyIsReportedAtTheKeyWithTheNearestKnownKey() {
        Problem p = onlyProblemOf("misspelled-key.yaml");
        assertThat(p).hasToString("src/test/resources/plans/bad/misspelled-key.yaml:14:7 faults[0].latency: "
                + "unknown key 'jiter' (did you mean 'jitter'? known: link, delay, jitter)");
    }

    @Test
    void textWhereANumberBelongsIsAWrongType() {
        Problem p = onlyProblemOf("wrong-type.yaml");
        assertAt(p, 6, 12, "load.clients");
        assertThat(p.message()).isEqualTo("expected a whole number, found the text 'ten'");
    }

    @Test
    void listWhereAMapBelongsIsAWrongType() {
        Problem p = onlyProblemOf("list-instead-of-map.yaml");
        assertAt(p, 4, 12, "target.cluster.store");
        assertThat(p.message()).isEqualTo("expected a map with keys nodes, replication, consistency, write-quorum, read-quorum, conflicts, durability, "
                        + "anti-entropy, hinted-handoff, found a list");
    }

    @Test
    void badDurationGivesTheDurationParsersMessage() {
        Problem p = onlyProblemOf("bad-duration.yaml");
        assertAt(p, 8, 23, "faults[0].at");
        assertThat(p.message()).isEqualTo(
                "bad duration '3sec': expected a number and a unit us, ms, s, m or h (e.g. 250ms, 5s, 1m)");
    }

    @Test
    void numberWhereADurationBelongsAsksForAUnit() {
        Problem p = onlyProblemOf("duration-without-unit.yaml");
        assertAt(p, 8, 23, "faults[0].at");
        assertThat(p.message()).isEqualTo("a duration needs a unit: write 3s, not the bare number 3");
    }

    @Test
    void badRateGivesTheRateParsersMessage() {
        Problem p = onlyProblemOf("bad-rate.yaml");
        assertAt(p, 7, 13, "load.stages[0].rate");
        assertThat(p.message()).startsWith("bad rate '100/sec': expected a number, an optional k, '/' and s, m or h");
    }

    @Test
    void percentageAbove100IsReportedAtItsValue() {
        Problem p = onlyProblemOf("bad-percentage.yaml");
        assertAt(p, 8, 39, "checks[0].availability.min");
        assertThat(p.message()).isEqualTo("bad percentage '101%': a percentage can be at most 100%");
    }

    @Test
    void undefinedLinkListsTheTargetsLinks() {
        Problem p = onlyProblemOf("undefined-link.yaml");
        assertAt(p, 10, 22, "faults[0].latency.link");
        assertThat(p.message()).isEqualTo("unknown link 'lb->n4'");
        assertThat(p.hint()).isEqualTo("did you mean 'lb->n1'? the target's links: client->lb, lb->n1, lb->n2, lb->n3, n1->n2, n1->n3, n2->n1, n2->n3, "
                        + "n3->n1, n3->n2");
    }

    @Test
    void undefinedRequestInACheckListsTheRequests() {
        Problem p = onlyProblemOf("undefined-request.yaml");
        assertAt(p, 10, 25, "checks[0].latency.request");
        assertThat(p.message()).isEqualTo("no request is named 'reed'");
        assertThat(p.hint()).isEqualTo("did you mean 'read'? requests of load.requests: read, write");
    }

    @Test
    void undefinedWindowListsTheWindowsIncludingFaultNames() {
        Problem p = onlyProblemOf("undefined-window.yaml");
        assertAt(p, 10, 39, "checks[0].latency.window");
        assertThat(p.message()).isEqualTo("no window is named 'slow-stor'");
        assertThat(p.hint()).isEqualTo("did you mean 'slow-store'? windows: steady, faults, recovery, all, slow-store");
    }

    @Test
    void duplicateKeyIsReportedAtTheSecondWithTheFirstsLocation() {
        Problem p = onlyProblemOf("duplicate-key.yaml");
        assertAt(p, 8, 1, "");
        assertThat(p.message()).isEqualTo("duplicate key 'seed'");
        assertThat(p.hint()).contains("first given at line 2, column 1");
    }

    @Test
    void yamlSyntaxErrorIsReportedWhereTheParserStopped() {
        Problem p = onlyProblemOf("yaml-syntax-error.yaml");
        assertAt(p, 6, 3, "load.stages");
        assertThat(p.message()).isEqualTo("YAML syntax error: expected ',' or ']', but got <scalar>");
        assertThat(p.hint()).isEqualTo("while parsing a flow sequence that starts at line 5, column 11");
    }

    @Test
    void unknownFaultKindListsTheKnownKinds() {
        Problem p = onlyProblemOf("unknown-fault-kind.yaml");
        assertAt(p, 9, 5, "faults[0]");
        assertThat(p.message()).isEqualTo("unknown fault kind 'disk-full'");
        assertThat(p.hint()).isEqualTo("known kinds: latency, partition, bandwidth, reset, blackhole, crash, pause, "
                + "clock-skew, disconnect; other keys: name, at, for");
    }

    @Test
    void missingLoadIsReported() {
        Problem p = onlyProblemOf("missing-load.yaml");
        assertAt(p, 1, 1, "");
        assertThat(p.message()).isEqualTo("missing key 'load'");
    }

    @Test
    void unknownEnumValueListsTheValuesInTheirYamlSpelling() {
        Problem p = onlyProblemOf("unknown-enum-value.yaml");
        assertAt(p, 4, 27, "target.cluster.balancer.strategy");
        assertThat(p.message()).isEqualTo("unknown value 'round-robbin'");
        assertThat(p.hint()).isEqualTo("did you mean 'round-robin'? known: round-robin, least-connections, consistent-hash");
    }

    @Test
    void recordRuleIsReportedWithTheRecordsMessage() {
        Problem p = onlyProblemOf("record-rule.yaml");
        assertAt(p, 4, 12, "target.cluster.store");
        assertThat(p.message()).isEqualTo("replication must lie between 1 and nodes (2), not 3");
    }

    @Test
    void windowThatNeedsFaultsIsRefusedWhenThereAreNone() {
        Problem p = onlyProblemOf("no-faults-for-window.yaml");
        assertAt(p, 8, 39, "checks[0].latency.window");
        assertThat(p.message()).isEqualTo("window 'steady' needs faults, and the plan has none");
    }

    @Test
    void emptyFileIsReported() {
        Problem p = onlyProblemOf("empty.yaml");
        assertAt(p, 1, 1, "");
        assertThat(p.message()).isEqualTo("the plan is empty");
    }

    @Test
    void missingFileIsReportedWithItsName() {
        Path file = BAD.resolve("no-such-plan.yaml");
        PlanException e = catchThrowableOfType(PlanException.class, () -> parser.parse(file));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file.toString());
            assertThat(p.message()).isEqualTo("no such file");
        });
    }

    @Test
    void everyCrossFieldMistakeIsReportedTogetherInPlanOrder() {
        List<Problem> problems = problemsOf("many-cross-field-mistakes.yaml");
        assertThat(problems).extracting(p -> p.line() + ":" + p.column() + " " + p.path() + ": " + p.message())
                .containsExactly(
                        "8:15 load.requests[1].name: duplicate request name 'read'",
                        "8:27 load.requests[1].path: unknown variable ${kee} (known: key, client, seq, uuid, random:MIN:MAX)",
                        "11:13 faults[1].name: duplicate fault name 'slow'",
                        "11:23 faults[1].at: fault 'slow' starts at 12s, when the load has already ended (at 10s)",
                        "11:45 faults[1].latency.link: unknown link 'n1->lb'",
                        "13:30 checks[0].availability.request: no request is named 'write'");
        assertThat(problems.get(0).hint()).contains("first used at line 7, column 15");
    }

    @Test
    void bindingMistakesInSeparatePartsAreReportedTogether() {
        List<Problem> problems = problemsOf("many-binding-mistakes.yaml");
        assertThat(problems).extracting(p -> p.line() + ":" + p.column() + " " + p.path() + ": " + p.message())
                .containsExactly(
                        "4:1 : unknown key 'laod'",
                        "7:58 faults[0].latency.delay: a duration needs a unit: write 5s, not the bare number 5",
                        "8:51 faults[1].latency: unknown key 'delai'");
        assertThat(problems.get(0).hint()).startsWith("did you mean 'load'?");
    }
}
