package dev.faultline.defects;

import dev.faultline.check.Verdict;
import dev.faultline.plan.Plan;
import dev.faultline.plan.PlanException;
import dev.faultline.plan.PlanParser;
import dev.faultline.report.Results;
import dev.faultline.run.PlanRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One run of a defect's plan, with the defect on or in its correct configuration, for one seed: through
 * {@link PlanRun}, as {@code faultline run} does, into its own report folder (its console in {@code console.txt}).
 *
 * @param outcome      {@code defectOn}: caught for the right reason; correct configuration: every check passed
 * @param summary      what decided the outcome: the catching verdict, or the verdicts that failed, or the run's error
 * @param voidRun  the run tested nothing: it ended with an error (its target did not start, a fault could not be
 *                 applied or healed) or its target answered no request successfully (e.g. fresh JVMs starved by a busy
 *                 machine for the whole load). Decided without looking at any verdict, so it says nothing of the
 *                 check; the suite repeats such a run once and reports that it did
 */
record DefectRun(Defect defect, boolean defectOn, long seed, boolean outcome, String summary, long wallMs,
        boolean voidRun) {

    static DefectRun run(Defect defect, boolean defectOn, long seed, Path root) throws PlanException, IOException {
        List<String> overrides = new ArrayList<>(defectOn ? List.of() : defect.correct());
        overrides.add("seed=" + seed);
        Plan plan = new PlanParser().parse(defect.planFile(), overrides);
        Path dir = root.resolve(plan.name()).resolve((defectOn ? "defect" : "correct") + "-seed-" + seed);
        deleteRecursively(dir);
        StringWriter console = new StringWriter();
        long started = System.nanoTime();
        Results results;
        try (PrintWriter out = new PrintWriter(console, true)) {
            results = new PlanRun(plan, dir, out).execute();
        }
        long wallMs = (System.nanoTime() - started) / 1_000_000;
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("console.txt"), console.toString());
        if (results.error() != null) {
            return new DefectRun(defect, defectOn, seed, false, "the run was not carried out: " + results.error(),
                    wallMs, true);
        }
        if (results.requests().values().stream().mapToLong(Results.RequestResult::ok).sum() == 0) {
            return new DefectRun(defect, defectOn, seed, false, "the target answered no request successfully "
                    + "(" + results.load().sent() + " sent)", wallMs, true);
        }
        List<Verdict> verdicts = results.checks();
        if (defectOn) {
            return defect.caughtBy(verdicts)
                    .map(v -> new DefectRun(defect, true, seed, true, v.name() + ": " + v.message(), wallMs, false))
                    .orElseGet(() -> new DefectRun(defect, true, seed, false, "not caught: " + describe(verdicts),
                            wallMs, false));
        }
        List<Verdict> failed = verdicts.stream().filter(v -> !v.passed()).toList();
        return new DefectRun(defect, false, seed, failed.isEmpty() && !verdicts.isEmpty(),
                failed.isEmpty() ? verdicts.size() + " checks passed" : "failed: " + describe(failed), wallMs, false);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String describe(List<Verdict> verdicts) {
        return verdicts.isEmpty() ? "no verdicts"
                : verdicts.stream().map(v -> (v.passed() ? "passed " : "FAILED ") + v.name() + ": " + v.message())
                        .collect(Collectors.joining(" | "));
    }

    @Override
    public String toString() {
        return String.format("%s %s seed %d: %s (%d ms) %s", defect.name(), defectOn ? "defect on" : "correct",
                seed, outcome ? "ok" : voidRun ? "VOID" : "NOT OK", wallMs, summary);
    }
}
