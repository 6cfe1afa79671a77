package dev.faultline.faults.network;

import java.util.List;

/**
 * What a look at the fault proxy after a run found: {@code verified} when every link of the run was asked and none
 * has a toxic or is disabled; {@code leftovers} names each one that has (or why the proxy could not be asked).
 */
public record HealCheck(boolean verified, List<String> leftovers) {
    public HealCheck {
        leftovers = List.copyOf(leftovers);
    }
}
