package dev.faultline.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;

/**
 * The load to drive. Open model: arrivals follow the stages' rates whatever the target does, and latency is measured
 * from each arrival's intended send time. Closed model: the stages' numbers of virtual users each send a request,
 * wait for its end, think for {@code thinkTime}, and go again. The request mix is {@code requests}, or the named
 * {@code workload}'s (one or the other). {@code connections} caps the connections the generator opens (null: as many
 * as requests in flight); arrivals beyond them wait for one, and the wait is part of their measured latency.
 */
public record LoadSpec(
        Model model,
        List<Stage> stages,
        Arrivals arrivals,
        ThinkTime thinkTime,
        Integer clients,
        String clientHeader,
        KeySpace keys,
        Workload workload,
        List<RequestSpec> requests,
        Duration timeout,
        Integer maxInFlight,
        Integer connections,
        Duration warmup) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_IN_FLIGHT = 1000;
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(2);

    /** How the load is generated. */
    public enum Model {
        /** Arrivals at a rate, whatever the target does (stages have a {@code rate}). */
        @JsonProperty("open") OPEN,
        /** Virtual users, each one request at a time with think time between (stages have {@code users}). */
        @JsonProperty("closed") CLOSED
    }

    /** How arrivals are spaced within an open-model stage. */
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
        thinkTime = thinkTime == null ? ThinkTime.NONE : thinkTime;
        clients = clients == null ? 1 : clients;
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be at least 1, not " + clients);
        }
        clientHeader = clientHeader == null ? "X-Client-Id" : clientHeader;
        if (clientHeader.isBlank() || !clientHeader.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
            throw new IllegalArgumentException("client-header must be an HTTP header name, not '" + clientHeader + "'");
        }
        keys = keys == null ? KeySpace.DEFAULTS : keys;
        if ((requests == null || requests.isEmpty()) && workload == null) {
            throw new IllegalArgumentException("load needs a request mix: 'requests' or a 'workload' (register, set)");
        }
        requests = requests == null || requests.isEmpty() ? workload.requests() : List.copyOf(requests);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be longer than 0");
        }
        maxInFlight = maxInFlight == null ? DEFAULT_MAX_IN_FLIGHT : maxInFlight;
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("max-in-flight must be at least 1, not " + maxInFlight);
        }
        if (connections != null && connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, not " + connections);
        }
        warmup = warmup == null ? DEFAULT_WARMUP : warmup;
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup cannot be negative");
        }
    }

    /** An open-model load with its request mix given explicitly (the form tests and code use most). */
    public LoadSpec(Model model, List<Stage> stages, Arrivals arrivals, Integer clients, String clientHeader,
            KeySpace keys, List<RequestSpec> requests, Duration timeout, Integer maxInFlight, Duration warmup) {
        this(model, stages, arrivals, null, clients, clientHeader, keys, null, requests, timeout, maxInFlight, null,
                warmup);
    }

    /**
     * What is wrong with stage {@code index} for this load's model (an open stage needs a rate, a closed one users),
     * or null when it fits. The plan validator reports it where the stage is; the load generator refuses it.
     */
    public String stageProblem(int index) {
        Stage s = stages.get(index);
        if (model == Model.OPEN && s.rate() == null) {
            return "an open-model stage needs a 'rate', not 'users' (or set load.model: closed)";
        }
        if (model == Model.CLOSED && s.users() == null) {
            return "a closed-model stage needs 'users', not a 'rate' (or set load.model: open)";
        }
        return null;
    }

    /** Refuses a load whose stages do not fit its model, naming the first stage that does not. */
    public void requireStagesFitModel() {
        for (int i = 0; i < stages.size(); i++) {
            String problem = stageProblem(i);
            if (problem != null) {
                throw new IllegalArgumentException("load.stages[" + i + "]: " + problem);
            }
        }
    }

    /**
     * The warm-up load: the first stage's starting rate (or users) for {@code warmup}, so that connections,
     * JIT-compiled code and caches on both sides are warm when measuring begins. Its requests are not recorded.
     */
    public LoadSpec warmupLoad() {
        Stage first = stages.get(0);
        Stage warm = first.rate() != null ? new Stage(warmup, RateRamp.constant(first.rate().from()))
                : Stage.users(warmup, UsersRamp.constant(Math.max(1, first.users().from())));
        return new LoadSpec(model, List.of(warm), arrivals, thinkTime, clients, clientHeader, keys, null, requests,
                timeout, maxInFlight, connections, Duration.ZERO);
    }

    /** The load's whole length: the sum of its stages. */
    public Duration duration() {
        return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** The mean arrival rate over all stages, in requests per second; 0 for the closed model (no set rate). */
    public double meanRatePerSecond() {
        double arrivals = 0;
        for (Stage s : stages) {
            arrivals += s.expectedArrivals();
        }
        double seconds = duration().toNanos() / 1e9;
        return seconds == 0 ? 0 : arrivals / seconds;
    }

    /** The most users any closed-model stage asks for; 0 for the open model. */
    public int peakUsers() {
        int peak = 0;
        for (Stage s : stages) {
            if (s.users() != null) {
                peak = Math.max(peak, Math.max(s.users().from(), s.users().to()));
            }
        }
        return peak;
    }
}
