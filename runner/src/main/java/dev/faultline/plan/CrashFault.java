package dev.faultline.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * Kills the process of component {@code node} with SIGKILL (nothing is flushed or closed). With {@code restartAfter}
 * it is started again that long after, on the same port and data folder: that restart is the fault's heal and its
 * duration. Without it the component stays down until the load ends, and is restarted then so the target stops clean.
 */
public record CrashFault(String node, @JsonProperty("restart-after") Duration restartAfter) {
    public CrashFault {
        NodeFaults.requireNode(node, "crash");
        if (restartAfter != null && (restartAfter.isZero() || restartAfter.isNegative())) {
            throw new IllegalArgumentException("'restart-after' must be longer than 0 (leave it out to keep " + node
                    + " down until the run ends)");
        }
    }
}
