package dev.faultline.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;

/**
 * The load to drive. Open model: arrivals follow the stages' rates whatever the target does, and latency is measured
 * from each arrival's intended send time.
 */
public record LoadSpec(
        Model model,
        List<Stage> stages,
        Arrivals arrivals,
        Integer clients,
        String clientHeader,
        KeySpace keys,
        List<RequestSpec> requests,
        Duration timeout,
        Integer maxInFlight,
        Duration warmup) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_IN_FLIGHT = 1000;
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(2);

    /** Open: arrivals at a rate. (Closed, users with think time, comes later.) */
    public enum Model {
        @JsonProperty("open") OPEN
    }

    /** How arrivals are spaced within a stage. */
    public enum Arrivals {
        /** Evenly spaced at the stage's rate. */
        @JsonProperty("uniform") UNIFORM,
        /** Exponential gaps with the stage's rate as mean: a Poisson process. */
        @JsonProperty("poisson") POISSON
    }

    public LoadSpec {
        model = model == null ? Model.OPEN : model;
        if (stages == null || stages.isEmpty()) {
            throw new IllegalArgumentException("load needs at least one stage in 'stages'");
        }
        stages = List.copyOf(stages);
        arrivals = arrivals == null ? Arrivals.UNIFORM : arrivals;
        clients = clients == null ? 1 : clients;
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be at least 1, not " + clients);
        }
        clientHeader = clientHeader == null ? "X-Client-Id" : clientHeader;
        keys = keys == null ? KeySpace.DEFAULTS : keys;
        if (requests == null || requests.isEmpty()) {
            throw new IllegalArgumentException("load needs at least one request in 'requests'");
        }
        requests = List.copyOf(requests);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be longer than 0");
        }
        maxInFlight = maxInFlight == null ? DEFAULT_MAX_IN_FLIGHT : maxInFlight;
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("max-in-flight must be at least 1, not " + maxInFlight);
        }
        warmup = warmup == null ? DEFAULT_WARMUP : warmup;
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup cannot be negative");
        }
    }

    /**
     * The warm-up load: the first stage's starting rate for {@code warmup}, so that connections, JIT-compiled code and
     * caches on both sides are warm when measuring begins. Its requests are sent but not recorded.
     */
    public LoadSpec warmupLoad() {
        Stage first = new Stage(warmup, RateRamp.constant(stages.get(0).rate().from()));
        return new LoadSpec(model, List.of(first), arrivals, clients, clientHeader, keys, requests, timeout, maxInFlight,
                Duration.ZERO);
    }

    /** The load's whole length: the sum of its stages. */
    public Duration duration() {
        return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** The mean arrival rate over all stages, in requests per second. */
    public double meanRatePerSecond() {
        double arrivals = 0;
        for (Stage s : stages) {
            arrivals += s.expectedArrivals();
        }
        double seconds = duration().toNanos() / 1e9;
        return seconds == 0 ? 0 : arrivals / seconds;
    }
}
