package dev.faultline.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Enables Faultline's parameters in a test class: a {@link RunningTarget} annotated with {@link ReferenceCluster},
 * {@link PlanTarget} or {@link ContainerService}, the {@link Faults} on it and a {@link LoadDriver}. Each test method
 * gets its own target; after it — passed, failed or timed out — every load is stopped, every fault healed (and that
 * verified: a leftover fails the test) and the target stopped.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(FaultlineExtension.class)
public @interface Faultline {
    /** The seed of the load driver's random choices (keys, arrivals, think times). */
    long seed() default 1L;
}
