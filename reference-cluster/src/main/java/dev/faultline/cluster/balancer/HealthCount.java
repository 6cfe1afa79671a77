package dev.faultline.cluster.balancer;

/**
 * Turns a backend's health-check results into its health: healthy until {@code unhealthyAfter} checks in a row
 * fail, then unhealthy until {@code healthyAfter} checks in a row pass. Results arrive one at a time.
 */
final class HealthCount {
    private final int unhealthyAfter;
    private final int healthyAfter;
    private boolean healthy = true;
    private int streak;

    HealthCount(int unhealthyAfter, int healthyAfter) {
        this.unhealthyAfter = unhealthyAfter;
        this.healthyAfter = healthyAfter;
    }

    /** Records one result; returns the new health if it changed, else null. */
    synchronized Boolean record(boolean passed) {
        if (passed == healthy) {
            streak = 0;
            return null;
        }
        streak++;
        if (streak >= (healthy ? unhealthyAfter : healthyAfter)) {
            healthy = !healthy;
            streak = 0;
            return healthy;
        }
        return null;
    }
}
