package dev.faultline.load;

/**
 * What the load generator did overall. {@code sent} counts requests that went out, {@code dropped} open-model
 * arrivals that could not be sent because {@code max-in-flight} requests were outstanding, {@code completed} requests
 * that ended (with a response or an error). Rates are per second over the load's duration ({@code targetRate} is 0
 * for the closed model, which has none). Closed model: {@code users} is the most virtual users that were running at
 * once and {@code iterations} how many request-and-think cycles they completed; both are 0 for the open model.
 */
public record LoadSummary(
        String model, double targetRate, double achievedRate, long sent, long completed, long dropped, long durationMs,
        int users, long iterations) {

    /** An open-model summary. */
    public LoadSummary(String model, double targetRate, double achievedRate, long sent, long completed, long dropped,
            long durationMs) {
        this(model, targetRate, achievedRate, sent, completed, dropped, durationMs, 0, 0);
    }
}
