package dev.faultline.junit;

/**
 * Entry point of the assertions on a run: {@code assertThat(run).availabilityDuring("split").isAtLeast(0.99)}.
 * Import it statically next to (or instead of) AssertJ's {@code Assertions}.
 */
public final class FaultlineAssertions {
    private FaultlineAssertions() {
    }

    public static RunResultAssert assertThat(RunResult actual) {
        return new RunResultAssert(actual);
    }
}
