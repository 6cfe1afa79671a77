package dev.faultline.sample;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Everything the load generator measured, queryable by request name and time range. Measurements are kept per
 * request name and per one-second interval (by completion time); an interval belongs to a range when its midpoint
 * lies in it. Latencies are in microseconds, measured from each request's intended send time.
 */
public interface Samples {

    /** The request names that were sent, in the plan's order. */
    List<String> requestNames();

    /** A new histogram of the latencies of one request (or all requests when {@code request} is null) in a range. */
    Histogram latency(String request, TimeRange range);

    /** The outcomes of one request (or all requests when {@code request} is null) in a range. */
    Outcomes outcomes(String request, TimeRange range);

    /** Per one-second interval and request name, in time order: for reports. */
    List<SecondStats> seconds();

    /** The writes acknowledged during the run (requests with {@code ack-log}), in order; none by default. */
    default Acknowledgements acknowledgements() {
        return Acknowledgements.NONE;
    }

    /**
     * Per client identity and one-second interval, in time order: what each client saw. Empty when the load sends no
     * client identities.
     */
    default List<ClientSecond> clientSeconds() {
        return List.of();
    }
}
