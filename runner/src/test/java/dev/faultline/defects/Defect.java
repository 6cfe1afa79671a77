package dev.faultline.defects;

import dev.faultline.check.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A defect seeded into the reference cluster: the plan that runs with it ({@code plan}, under
 * {@code src/test/resources/defects/}), the {@code --set} overrides that make the same plan the correct
 * configuration, the check that should catch it and what its failing verdict must say for the catch to count (the
 * right reason: a check failing for another reason, e.g. not enough data, has not caught the defect).
 *
 * @param name      as the table shows it
 * @param check     the plan key of the check that catches it
 * @param reason    what a failing verdict of that check must show, in words, for the table and messages
 * @param rightWhy  tells a verdict that failed for the right reason
 */
record Defect(String name, String plan, List<String> correct, String check, String reason,
        Predicate<Verdict> rightWhy) {

    static final Path DIR = Path.of("src/test/resources/defects");

    Defect {
        correct = List.copyOf(correct);
    }

    Path planFile() {
        return DIR.resolve(plan);
    }

    /** The verdict that shows this defect caught, if one of {@code verdicts} does. */
    Optional<Verdict> caughtBy(List<Verdict> verdicts) {
        return verdicts.stream().filter(v -> v.type().equals(check) && !v.passed() && rightWhy.test(v)).findFirst();
    }

    @Override
    public String toString() {
        return name;
    }
}
