package dev.faultline.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventType;

/** Runs sample test classes through JUnit's test kit and reads what JUnit reported, by test display name. */
final class KitRun {
    private final EngineExecutionResults results;

    private KitRun(EngineExecutionResults results) {
        this.results = results;
    }

    static KitRun of(Class<?> testClass) {
        return new KitRun(EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute());
    }

    /** Every finished test by display name, with how it ended. */
    Map<String, TestExecutionResult> tests() {
        Map<String, TestExecutionResult> tests = new LinkedHashMap<>();
        results.testEvents().finished().stream().forEach(e ->
                tests.put(e.getTestDescriptor().getDisplayName(), e.getRequiredPayload(TestExecutionResult.class)));
        return tests;
    }

    /** Every finished container (class, method template) by display name, with how it ended. */
    Map<String, TestExecutionResult> containers() {
        Map<String, TestExecutionResult> containers = new LinkedHashMap<>();
        results.containerEvents().finished().stream().forEach(e ->
                containers.put(e.getTestDescriptor().getDisplayName(), e.getRequiredPayload(TestExecutionResult.class)));
        return containers;
    }

    /** The values a key was published with in report entries, in order. */
    List<String> reportEntries(String key) {
        return results.allEvents().stream()
                .filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(key))
                .filter(v -> v != null)
                .toList();
    }

    static String failureMessage(TestExecutionResult result) {
        Optional<Throwable> t = result.getThrowable();
        return t.map(KitRun::describe).orElse("");
    }

    private static String describe(Throwable t) {
        StringBuilder s = new StringBuilder(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        for (Throwable suppressed : t.getSuppressed()) {
            s.append(" [suppressed ").append(describe(suppressed)).append(']');
        }
        return s.toString();
    }

}
