package dev.faultline.defects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seeded-defects suite: each defect the reference cluster can be configured with, run with the check that should
 * catch it over N seeds (system property {@code faultline.defect-seeds}, default 5; {@code faultline.defects} picks
 * some by plan name): with the defect on, that check
 * must fail for the right reason every time (the check is not blind); with the same plan in its correct configuration,
 * every check must pass every time (the check is not flaky). Each run is a real {@link dev.faultline.run.PlanRun}
 * on 127.0.0.1 with a few seconds of load; its report is kept under {@code target/seeded-defects/<plan>/}. A run that
 * tested nothing (its target did not start, e.g. a port taken by another process meanwhile, or answered no request
 * successfully) is repeated once, and the table says so. The table of results is printed and written to {@code target/seeded-defects.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeededDefectsIT {
    private static final Path RUNS = Path.of("target/seeded-defects");
    private static final Path TABLE = Path.of("target/seeded-defects.md");

    private final int seeds = Integer.getInteger("faultline.defect-seeds", 5);
    private final DefectTable table = new DefectTable();
    private long started;

    /** Every defect, or those whose plan names {@code faultline.defects} lists (comma-separated), e.g. limiter-off. */
    static List<Defect> defects() {
        String only = System.getProperty("faultline.defects", "").strip();
        List<String> names = only.isEmpty() ? List.of() : List.of(only.split("\\s*,\\s*"));
        return all().stream().filter(d -> names.isEmpty() || names.contains(d.plan().replace(".yaml", ""))).toList();
    }

    private static List<Defect> all() {
        return List.of(
                new Defect("durability: none + crash (kill -9, restart)", "durability-none.yaml",
                        List.of("target.cluster.store.durability=fsync"), "lost-writes",
                        "acknowledged elements missing on the restarted node",
                        v -> v.observed() != null && v.observed() > 0
                                && v.details().stream().anyMatch(d -> d.contains(" missing on n1"))),
                new Defect("LWW + clock skew (n1 30 s ahead) + partition", "lww-clock-skew.yaml",
                        List.of("target.cluster.store.conflicts=version-vectors"), "lost-writes",
                        "later writes overwritten by older ones",
                        v -> v.observed() != null && v.observed() > 0
                                && v.details().stream().anyMatch(d -> d.contains(" lost on ") && d.contains("which holds"))),
                new Defect("breaker disabled + failing backend", "breaker-disabled.yaml",
                        List.of("target.cluster.breaker.enabled=true"), "breaker",
                        "opens-within: never opened",
                        v -> v.name().endsWith("opens-within") && v.observed() == null
                                && v.message().contains("never opened")),
                new Defect("limiter off", "limiter-off.yaml", List.of("target.cluster.limiter.enabled=true"),
                        "rate-limit", "accepted: clients got more than the limit",
                        v -> v.name().endsWith(" accepted") && v.observed() != null && v.observed() > v.limit()),
                new Defect("anti-entropy and hinted handoff off + partition", "anti-entropy-off.yaml",
                        List.of("target.cluster.store.anti-entropy=500ms", "target.cluster.store.hinted-handoff=true"),
                        "convergence", "never converged, differing keys named",
                        v -> v.observed() == null && v.message().contains("had not converged")
                                && v.details().stream().anyMatch(d -> d.startsWith("differing key: "))));
    }

    /**
     * One run that is not counted, before the clock starts: the first in-JVM cluster of a fresh JVM runs its code
     * interpreted, and on a busy machine that alone can time its requests and fault hooks out.
     */
    @BeforeAll
    void warmUp() throws Exception {
        assertThat(seeds).as("faultline.defect-seeds").isPositive();
        Defect inJvm = all().stream().filter(d -> d.plan().equals("lww-clock-skew.yaml")).findFirst().orElseThrow();
        System.out.println("warm-up, not counted: " + DefectRun.run(inJvm, true, 0, RUNS));
        started = System.nanoTime();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void theCheckCatchesTheDefectEveryTimeAndPassesTheCorrectConfigurationEveryTime(Defect defect) throws Exception {
        List<DefectRun> runs = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            for (boolean defectOn : new boolean[] {true, false}) {
                DefectRun run = DefectRun.run(defect, defectOn, seed, RUNS);
                System.out.println(run);
                if (run.voidRun()) {
                    table.repeated(run);
                    run = DefectRun.run(defect, defectOn, seed, RUNS);
                    System.out.println("repeated: " + run);
                }
                table.add(run);
                runs.add(run);
            }
        }

        assertThat(runs.stream().filter(r -> r.defectOn() && !r.outcome()).map(DefectRun::toString))
                .as("runs with the defect on that '%s' did not catch for the right reason (%s)", defect.check(),
                        defect.reason()).isEmpty();
        assertThat(runs.stream().filter(r -> !r.defectOn() && !r.outcome()).map(DefectRun::toString))
                .as("runs of the correct configuration in which a check failed").isEmpty();
    }

    @AfterAll
    void writeTable() throws Exception {
        String markdown = table.markdown(seeds, (System.nanoTime() - started) / 1_000_000);
        System.out.println("\nSeeded defects\n" + table.lines() + "\n" + markdown);
        Files.createDirectories(TABLE.toAbsolutePath().getParent());
        Files.writeString(TABLE, markdown);
    }
}
