package dev.faultline.check;

import dev.faultline.sample.RunRecord;

/** The time ranges of a run's windows, as checks see them, for reports that show measurements per window. */
public final class RunWindows {
    private RunWindows() {
    }

    /** The window named {@code name}: {@code steady}, {@code faults}, {@code recovery}, {@code all} or a fault's. */
    public static Window resolve(RunRecord record, String name) {
        return new WindowResolver(record.faults(), record.load().durationMs()).resolve(name);
    }
}
