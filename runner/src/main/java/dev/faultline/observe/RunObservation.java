package dev.faultline.observe;

import dev.faultline.fault.FaultRecord;
import dev.faultline.plan.CheckSpec;
import dev.faultline.plan.Plan;
import dev.faultline.plan.Workload;
import dev.faultline.sample.Acknowledgements;
import dev.faultline.sample.RunClock;
import dev.faultline.targets.Component;
import dev.faultline.targets.Target;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Observes a target through a run, on the control plane: scrapes every component's metrics once a second from
 * {@link #start} on; after the load ended and every fault was healed, {@link #finish} probes the store nodes'
 * convergence and reads the acknowledged writes back from their replicas (set workload; register workload with a
 * lost-writes check), so the checks can judge them.
 */
public final class RunObservation implements AutoCloseable {
    /** How long the probe waits for convergence when no convergence check says how long. */
    static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(10);
    /** Waited beyond a convergence check's bound, so a value just over it is reported, not cut off. */
    static final Duration GRACE = Duration.ofSeconds(1);

    private final Plan plan;
    private final RunClock clock;
    private final Map<String, URI> stores = new LinkedHashMap<>();
    private final MetricsScraper scraper;

    private RunObservation(Plan plan, Target target, RunClock clock) {
        this.plan = plan;
        this.clock = clock;
        Map<String, URI> metrics = new LinkedHashMap<>();
        for (Component c : target.components().values()) {
            c.metricsUrl().ifPresent(url -> metrics.put(c.name(), url));
            if (c.kind() == Component.Kind.STORE) {
                stores.put(c.name(), c.url());
            }
        }
        this.scraper = new MetricsScraper(metrics, clock);
    }

    /** Scrapes {@code target}'s components once before the run (see {@link MetricsScraper#prime}). */
    public static void prime(Target target) {
        Map<String, URI> metrics = new LinkedHashMap<>();
        target.components().values().forEach(c -> c.metricsUrl().ifPresent(url -> metrics.put(c.name(), url)));
        MetricsScraper.prime(metrics);
    }

    /** Starts scraping {@code target}'s components now. */
    public static RunObservation start(Plan plan, Target target, RunClock clock) {
        return new RunObservation(plan, target, clock);
    }

    /**
     * Stops scraping, then (when the target has store nodes) waits for the nodes to converge after the last heal (or
     * the load's end, {@code loadEndMs}, with no faults), and reads the acknowledged writes back from every replica.
     */
    public Observations finish(List<FaultRecord> faults, long loadEndMs, Acknowledgements acks) {
        List<MetricSeries> metrics = scraper.finish();
        if (stores.isEmpty()) {
            return new Observations(metrics, null, null);
        }
        StoreNodes nodes = new StoreNodes(stores);
        long fromMs = faults.stream().mapToLong(f -> f.endMs() == null ? loadEndMs : f.endMs()).max().orElse(loadEndMs);
        Convergence convergence = new ConvergenceProbe(nodes, clock).await(fromMs, patience());
        ReplicaReadout replicas = !readsBack(acks) ? null : new ReplicaReader(nodes,
                plan.target().cluster().store().replication(), losses()).read(acks);
        return new Observations(metrics, convergence, replicas);
    }

    /**
     * Whether the acknowledged writes are read back from the replicas: when there are any, except for the register
     * workload, whose writes are read back only for a lost-writes check (a register plan is often about something
     * else: breakers, limits).
     */
    private boolean readsBack(Acknowledgements acks) {
        if (acks.entries().isEmpty() && acks.overflowed() == 0) {
            return false;
        }
        return plan.load().workload() != Workload.REGISTER
                || plan.checks().stream().anyMatch(c -> c.lostWrites() != null);
    }

    /** How a replica loses a write: the register workload's values are overwritten, anything else's elements missed. */
    private WriteLosses losses() {
        return plan.load().workload() == Workload.REGISTER ? WriteLosses.REGISTER_VALUES : WriteLosses.SET_ELEMENTS;
    }

    /** The longest bound of the plan's convergence checks, plus a grace; the default when there are none. */
    private Duration patience() {
        return plan.checks().stream().map(CheckSpec::convergence).filter(java.util.Objects::nonNull)
                .map(CheckSpec.ConvergenceCheck::within).max(Duration::compareTo)
                .map(within -> within.plus(GRACE)).orElse(DEFAULT_PATIENCE);
    }

    @Override
    public void close() {
        scraper.close();
    }
}
