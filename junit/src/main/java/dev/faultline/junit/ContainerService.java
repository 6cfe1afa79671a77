package dev.faultline.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link RunningTarget} parameter of a test method: a user's service in a container, started with Testcontainers
 * from a local image (never pulled) behind the fault proxy, and removed after the test. The same keys as a plan's
 * {@code target.container} (docs/targets.md): {@link Faults#crash}, {@link Faults#pause} and the link faults apply to
 * it under its {@link #name()}. A test that needs one is aborted (skipped) when no Docker engine is reachable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ContainerService {
    /** A local image, e.g. {@code local/jre17:slim}. */
    String image();

    /** Container ports; the first is the service's. */
    int[] ports();

    /** The component's name: link {@code client-><name>}, crash and pause target. */
    String name() default "app";

    /** Environment as {@code NAME=value}. */
    String[] env() default {};

    /** The command to run instead of the image's. */
    String[] command() default {};

    /** Host files or folders copied into the container before it starts, as {@code /container/path=host-path}. */
    String[] files() default {};

    /** A path on the first port polled until it answers 2xx; empty: until the port accepts connections. */
    String waitFor() default "";

    /** How long the container may take to be ready, e.g. {@code 60s}. */
    String readyTimeout() default "60s";
}
