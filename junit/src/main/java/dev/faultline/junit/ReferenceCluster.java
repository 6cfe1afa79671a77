package dev.faultline.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link RunningTarget} parameter of a test method: the bundled reference cluster, started for the test and
 * stopped after it. The attributes are a plan's {@code target.cluster} keys with the same values and defaults
 * (docs/plan-reference.md); {@link #set()} reaches every other key, e.g. {@code "breaker.enabled=false"}.
 *
 * <pre>{@code
 * @Test
 * void quorumRefusesTheMinority(@ReferenceCluster(nodes = 3, consistency = "quorum") RunningTarget cluster,
 *                               Faults faults, LoadDriver load) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ReferenceCluster {
    /** Store nodes {@code n1..nN}. */
    int nodes() default 3;

    /** Replicas per key; 0: the default, min(3, nodes). */
    int replication() default 0;

    /** {@code eventual} or {@code quorum}. */
    String consistency() default "eventual";

    /** {@code lww}, {@code version-vectors} or {@code set-union}. */
    String conflicts() default "lww";

    /** {@code fsync}, {@code async} or {@code none}. */
    String durability() default "fsync";

    /** {@code process} (each component its own OS process: crash and pause work) or {@code in-jvm} (faster). */
    String isolation() default "process";

    /** The balancer's layer: 7 (HTTP) or 4 (TCP). */
    int layer() default 7;

    /** {@code round-robin}, {@code least-connections} or {@code consistent-hash}. */
    String strategy() default "round-robin";

    /** Whether a standby balancer {@code lb2} watches {@code lb} and takes its port over when it dies. */
    boolean standby() default false;

    /** Any other {@code target.cluster} key as {@code path=value}, e.g. {@code "limiter.rate=100/s"}. */
    String[] set() default {};
}
