package dev.faultline.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link RunningTarget} parameter of a test method: the {@code target} of a plan file, whatever its kind
 * ({@code cluster}, {@code http}, {@code command}, {@code container}), started for the test and stopped after it.
 * The plan's load, faults and checks are not used: the test drives its own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface PlanTarget {
    /** The plan: a file relative to the working directory, else a resource on the test class path. */
    String value();

    /** Overrides of the plan's keys as {@code path=value}, e.g. {@code "target.cluster.store.nodes=5"}. */
    String[] set() default {};
}
