package dev.faultline.check;

import dev.faultline.sample.RunRecord;
import java.util.List;

/** One check of a plan: a pure function from what a run recorded to verdicts (one per limit it holds). */
public interface Check {
    List<Verdict> evaluate(RunRecord record);
}
