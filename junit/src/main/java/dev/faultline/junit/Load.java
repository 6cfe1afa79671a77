package dev.faultline.junit;

import dev.faultline.plan.KeySpace;
import dev.faultline.plan.LoadSpec;
import dev.faultline.plan.Rate;
import dev.faultline.plan.RateRamp;
import dev.faultline.plan.RequestSpec;
import dev.faultline.plan.Stage;
import dev.faultline.plan.ThinkTime;
import dev.faultline.plan.UsersRamp;
import dev.faultline.plan.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The load a {@link LoadDriver} drives, written in code: the same model, stages, request mix and settings as a plan's
 * {@code load} (docs/plan-reference.md), with the same defaults. Immutable: every method returns a new load.
 *
 * <pre>{@code
 * Load.rate(200).lasting(Duration.ofSeconds(8)).workload("register")
 * Load.users(20).lasting(Duration.ofSeconds(5)).thinkTime(Duration.ofMillis(10)).get("home", "/")
 * }</pre>
 */
public final class Load {
    private final LoadSpec.Model model;
    private final RateRamp rate;
    private final UsersRamp users;
    private final Duration duration;
    private final Workload workload;
    private final List<RequestSpec> requests;
    private final ThinkTime thinkTime;
    private final Integer clients;
    private final Long keys;
    private final Duration timeout;
    private final Duration warmup;
    private final boolean poisson;

    private Load(LoadSpec.Model model, RateRamp rate, UsersRamp users, Duration duration, Workload workload,
            List<RequestSpec> requests, ThinkTime thinkTime, Integer clients, Long keys, Duration timeout,
            Duration warmup, boolean poisson) {
        this.model = model;
        this.rate = rate;
        this.users = users;
        this.duration = duration;
        this.workload = workload;
        this.requests = List.copyOf(requests);
        this.thinkTime = thinkTime;
        this.clients = clients;
        this.keys = keys;
        this.timeout = timeout;
        this.warmup = warmup;
        this.poisson = poisson;
    }

    /** An open model: {@code perSecond} arrivals a second, whatever the target does (default: 10 seconds). */
    public static Load rate(double perSecond) {
        return new Load(LoadSpec.Model.OPEN, RateRamp.constant(new Rate(perSecond)), null, Duration.ofSeconds(10),
                null, List.of(), null, null, null, null, Duration.ofSeconds(1), false);
    }

    /** An open model whose rate ramps linearly from {@code fromPerSecond} to {@code toPerSecond}. */
    public static Load ramp(double fromPerSecond, double toPerSecond) {
        return rate(fromPerSecond).withRate(new RateRamp(new Rate(fromPerSecond), new Rate(toPerSecond)));
    }

    /** A closed model: {@code count} virtual users, each one request at a time (default: 10 seconds). */
    public static Load users(int count) {
        return new Load(LoadSpec.Model.CLOSED, null, UsersRamp.constant(count), Duration.ofSeconds(10), null,
                List.of(), null, null, null, null, Duration.ofSeconds(1), false);
    }

    private Load withRate(RateRamp newRate) {
        return new Load(model, newRate, users, duration, workload, requests, thinkTime, clients, keys, timeout, warmup,
                poisson);
    }

    /** How long the load runs (after its warm-up). */
    public Load lasting(Duration newDuration) {
        return new Load(model, rate, users, newDuration, workload, requests, thinkTime, clients, keys, timeout, warmup,
                poisson);
    }

    /** The reference store's request mix by name: {@code register} or {@code set}. */
    public Load workload(String name) {
        Workload w = switch (name) {
            case "register" -> Workload.REGISTER;
            case "set" -> Workload.SET;
            default -> throw new IllegalArgumentException("unknown workload '" + name + "' (known: register, set)");
        };
        return new Load(model, rate, users, duration, w, requests, thinkTime, clients, keys, timeout, warmup, poisson);
    }

    /** Adds a named request to the mix (weight 1, success on any 2xx). */
    public Load get(String name, String path) {
        return request(new RequestSpec(name, 1, "GET", path, null, null, null, null));
    }

    /** Adds a named PUT of {@code body} (a template: {@code ${client}-${seq}}) to the mix. */
    public Load put(String name, String path, String body) {
        return request(new RequestSpec(name, 1, "PUT", path, null, body, null, null));
    }

    /** Adds a request to the mix, with every setting a plan's request has. */
    public Load request(RequestSpec request) {
        List<RequestSpec> more = new ArrayList<>(requests);
        more.add(request);
        return new Load(model, rate, users, duration, workload, more, thinkTime, clients, keys, timeout, warmup,
                poisson);
    }

    /** Each virtual user's think time between its requests (closed model). */
    public Load thinkTime(Duration time) {
        return new Load(model, rate, users, duration, workload, requests, ThinkTime.fixed(time), clients, keys, timeout,
                warmup, poisson);
    }

    /** How many client identities ({@code X-Client-Id}) the requests are spread over. */
    public Load clients(int count) {
        return new Load(model, rate, users, duration, workload, requests, thinkTime, count, keys, timeout, warmup,
                poisson);
    }

    /** How many keys {@code ${key}} ranges over (uniformly). */
    public Load keys(long count) {
        return new Load(model, rate, users, duration, workload, requests, thinkTime, clients, count, timeout, warmup,
                poisson);
    }

    /** How long a request may take before it counts as a timeout (default 5s). */
    public Load timeout(Duration requestTimeout) {
        return new Load(model, rate, users, duration, workload, requests, thinkTime, clients, keys, requestTimeout,
                warmup, poisson);
    }

    /** How long to warm the target up before measuring (default 1s here; 0 for none). */
    public Load warmup(Duration time) {
        return new Load(model, rate, users, duration, workload, requests, thinkTime, clients, keys, timeout, time,
                poisson);
    }

    /** Poisson arrivals (exponential gaps) instead of evenly spaced ones (open model). */
    public Load poisson() {
        return new Load(model, rate, users, duration, workload, requests, thinkTime, clients, keys, timeout, warmup,
                true);
    }

    /** The plan's {@code load} this stands for; refused when it has no request mix or stages that do not fit. */
    LoadSpec spec() {
        if (workload != null && !requests.isEmpty()) {
            throw new IllegalArgumentException("a load has a workload or its own requests, not both");
        }
        Stage stage = model == LoadSpec.Model.OPEN ? new Stage(duration, rate) : Stage.users(duration, users);
        LoadSpec spec = new LoadSpec(model, List.of(stage), poisson ? LoadSpec.Arrivals.POISSON : null, thinkTime,
                clients, null, keys == null ? null : new KeySpace(keys, null, null), workload,
                requests.isEmpty() ? null : requests, timeout, null, null, warmup);
        spec.requireStagesFitModel();
        return spec;
    }

    @Override
    public String toString() {
        return (model == LoadSpec.Model.OPEN ? rate.toString() : users + " users") + " for " + duration
                + (workload != null ? ", workload " + workload : "") + (requests.isEmpty() ? ""
                : ", requests " + requests.stream().map(RequestSpec::name).toList());
    }
}
