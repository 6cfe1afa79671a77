package dev.faultline.plan;

import java.util.List;

/** The names of the run's time windows that checks refer to; a fault's name is a window too. */
public final class Windows {
    /** Before the first fault starts. */
    public static final String STEADY = "steady";
    /** While any fault is active. */
    public static final String FAULTS = "faults";
    /** After the last fault is healed. */
    public static final String RECOVERY = "recovery";
    /** The whole load. */
    public static final String ALL = "all";

    public static final List<String> BUILT_IN = List.of(STEADY, FAULTS, RECOVERY, ALL);

    private Windows() {
    }
}
