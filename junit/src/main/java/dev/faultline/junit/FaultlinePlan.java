package dev.faultline.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a plan once and reports one test per check, named after the check, each failing with the check's observed
 * value against its limit; plus {@code faults healed} (every fault undone after the run) and, when the run could not
 * be carried out, {@code run} with the reason. The annotated method is the body of each of those tests: it may be
 * empty, and it may take the run's {@link RunResult} as a parameter for assertions of its own.
 *
 * <pre>{@code
 * @FaultlinePlan("plans/partition.yaml")
 * void partitionPlanHolds(RunResult run) {
 * }
 * }</pre>
 *
 * The report goes to {@code target/faultline-junit/<test class>/<method>/<plan name>/} (results.json, report.html,
 * junit.xml, ...).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@TestTemplate
@ExtendWith(PlanExtension.class)
public @interface FaultlinePlan {
    /** The plan: a file relative to the working directory (Maven's: the module's folder), else a class path resource. */
    String value();

    /** Overrides of the plan's keys as {@code path=value}, as {@code faultline run --set} takes them. */
    String[] set() default {};
}
