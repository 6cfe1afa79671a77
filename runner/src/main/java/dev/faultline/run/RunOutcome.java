package dev.faultline.run;

import dev.faultline.report.Results;
import dev.faultline.sample.RunRecord;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a run left: its {@link Results} (the contents of results.json), where its report was written, and the
 * {@link RunRecord} it measured (absent when the run was not carried out, e.g. the target did not start), from which
 * any measure in any window can still be computed ({@link dev.faultline.check.Measures}).
 */
public record RunOutcome(Results results, Path reportDir, Optional<RunRecord> record) {
}
