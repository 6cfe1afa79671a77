package dev.faultline.load;

import dev.faultline.plan.LoadSpec;
import dev.faultline.plan.RequestSpec;
import io.netty.buffer.ByteBufAllocator;
import java.net.URI;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The load's request mix: picks a request for each arrival with probability weight / (sum of weights) and renders
 * it. Seeded and used by one thread at a time (the open model's pacer; closed-model users take turns under a lock).
 */
final class RequestMix {
    private final List<RequestSpec> specs;
    private final RequestRenderer[] renderers;
    private final long[] timeoutNanos;
    private final int[] cumulativeWeights;
    private final SplittableRandom random;
    private final Variables vars;
    /** Per request: whether it is the set workload's read, whose key and returned set the stale-reads check needs. */
    private final boolean[] setReads;

    RequestMix(LoadSpec load, URI base, SplittableRandom random) {
        this.specs = load.requests();
        this.random = random;
        this.vars = new Variables(KeyChooser.of(load.keys(), random.split()), load.clients(), random.split());
        String host = base.getPort() < 0 ? base.getHost() : base.getHost() + ":" + base.getPort();
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        renderers = new RequestRenderer[specs.size()];
        timeoutNanos = new long[specs.size()];
        cumulativeWeights = new int[specs.size()];
        setReads = new boolean[specs.size()];
        int sum = 0;
        for (int i = 0; i < specs.size(); i++) {
            RequestSpec spec = specs.get(i);
            renderers[i] = new RequestRenderer(spec, host, basePath, load.clientHeader(), load.clients());
            timeoutNanos[i] = (spec.timeout() != null ? spec.timeout() : load.timeout()).toNanos();
            sum += spec.weight();
            cumulativeWeights[i] = sum;
            setReads[i] = load.workload() == dev.faultline.plan.Workload.SET && spec.method().equals("GET");
        }
    }

    /** The index of the request for the next arrival. */
    int choose() {
        if (cumulativeWeights.length == 1) {
            return 0;
        }
        int r = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
        int i = 0;
        while (cumulativeWeights[i] <= r) {
            i++;
        }
        return i;
    }

    /** Renders request {@code index} as open-model arrival number {@code seq}, intended at {@code intendedNanos}. */
    Arrival arrival(int index, long seq, long intendedNanos, ByteBufAllocator alloc) {
        return arrival(index, seq, seq, intendedNanos, alloc);
    }

    /** Renders request {@code index} as arrival number {@code seq} of client {@code client}. */
    Arrival arrival(int index, long seq, long client, long intendedNanos, ByteBufAllocator alloc) {
        vars.next(seq, client);
        RequestRenderer renderer = renderers[index];
        Arrival arrival = new Arrival(index, intendedNanos, intendedNanos + timeoutNanos[index],
                (int) vars.clientNumber(), renderer.render(vars, alloc));
        if (specs.get(index).ackLog()) {
            arrival.ackKey = vars.key();
            arrival.ackElement = renderer.lastBody() == null ? "" : renderer.lastBody();
        }
        if (setReads[index]) {
            arrival.readKey = vars.key();
        }
        return arrival;
    }

    /** Whether request {@code index} is a HEAD, whose response has no body. */
    boolean isHead(int index) {
        return renderers[index].isHead();
    }

    RequestSpec spec(int index) {
        return specs.get(index);
    }

    String name(int index) {
        return specs.get(index).name();
    }

    long maxTimeoutNanos() {
        long max = 0;
        for (long t : timeoutNanos) {
            max = Math.max(max, t);
        }
        return max;
    }
}
