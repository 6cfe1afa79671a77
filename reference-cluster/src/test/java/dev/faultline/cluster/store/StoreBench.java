package dev.faultline.cluster.store;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A benchmark run by hand, not a test (see docs/benchmarks.md, "## Store"): 3 in-JVM nodes, replication 3,
 * eventual, lww, no write-ahead log ({@link Durability#NONE}); node-to-node links through Faultline's fault proxy
 * (no toxics), or with {@code -Dlinks=relay} through the test-only blocking {@code TcpRelay}.
 * <ol>
 *   <li>Replication lag at a steady rate of writes to n1 (coordinator mint to peer ack, from n1's meter),
 *       next to the client-observed latency of the same writes and of GETs of a static file from nginx at the
 *       same rate with the same client (the peer).</li>
 *   <li>Convergence after a partition {n1} | {n2, n3} of at least 10 s during which K keys are written to n1:
 *       time from heal until all three digests are equal, for each K.</li>
 * </ol>
 * Arguments: {@code [rate per second] [seconds] [K,K,...]}, default {@code 1000 10 1000,10000,100000}.
 */
public final class StoreBench {
    private static final int SENDERS = 32;
    private static final boolean THROUGH_RELAY = "relay".equals(System.getProperty("links", "proxy"));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "bench-client");
                thread.setDaemon(true);
                return thread;
            })).build();

    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<Integer> keyCounts = args.length > 2 ? Arrays.stream(args[2].split(",")).map(Integer::parseInt).toList()
                : List.of(1_000, 10_000, 100_000);
        System.out.printf("store bench: %d writes/s for %d s, partitions with %s keys; node links through %s; %d cores, load %s%n",
                rate, seconds, keyCounts, THROUGH_RELAY ? "TcpRelay" : "the fault proxy",
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim());

        // as long as the measured run: after a shorter warm-up the JIT was still compiling (C2 at ~half a core)
        // during the measured run, and its CPU went into the tail
        try (TestCluster warmUp = cluster(Duration.ofSeconds(1))) {
            steadyWrites(warmUp, rate, seconds, "warm-up");
        }
        try (TestCluster cluster = cluster(Duration.ofSeconds(1))) {
            long[] client = steadyWrites(cluster, rate, seconds, "lag");
            Timer lag = cluster.node("n1").metrics().registry().find("store.replication.lag").timer();
            HistogramSnapshot snapshot = lag.takeSnapshot();
            double p50 = percentile(snapshot, 0.5);
            double p99 = percentile(snapshot, 0.99);
            long[] applied = applyLags(cluster, "lag", rate * seconds);
            long[] nginx = nginxGets(rate, seconds);
            System.out.printf("replication lag (n1 -> n2, n3; %d acks): p50 %.2f ms, p99 %.2f ms%n", lag.count(), p50, p99);
            System.out.printf("apply lag (n1 applies its write -> n2, n3 apply it; %d of %d): p50 %.2f ms, p99 %.2f ms%n",
                    applied.length, 2 * Math.min(rate * seconds, 10_000), ms(applied, 0.5), ms(applied, 0.99));
            System.out.printf("store PUT via n1 (client): p50 %.2f ms, p99 %.2f ms%n", ms(client, 0.5), ms(client, 0.99));
            System.out.printf("nginx GET (same client, same rate): p50 %.2f ms, p99 %.2f ms%n", ms(nginx, 0.5), ms(nginx, 0.99));
            System.out.printf("ratios to nginx: lag p50 %.1fx, p99 %.1fx; PUT p50 %.1fx, p99 %.1fx%n",
                    p50 / ms(nginx, 0.5), p99 / ms(nginx, 0.99), ms(client, 0.5) / ms(nginx, 0.5),
                    ms(client, 0.99) / ms(nginx, 0.99));
        }
        for (int keys : keyCounts) {
            try (TestCluster cluster = cluster(Duration.ofSeconds(1))) {
                convergence(cluster, keys);
            }
        }
    }

    private static TestCluster cluster(Duration antiEntropy) throws IOException {
        return TestCluster.start(3, new TestCluster.Settings(3, Consistency.EVENTUAL, Conflicts.LWW, antiEntropy,
                Duration.ofMillis(500)), THROUGH_RELAY ? new RelayLinks() : new FaultProxyLinks());
    }

    /** Open model: one PUT to n1 every 1/rate s whatever the answers; returns client latencies in ns. */
    private static long[] steadyWrites(TestCluster cluster, int rate, int seconds, String label) throws Exception {
        int port = cluster.node("n1").port();
        return paced(rate, seconds, i -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/kv/" + label + "-" + (i % 10_000)))
                .PUT(BodyPublishers.ofString("value-" + i)).build());
    }

    private static long[] nginxGets(int rate, int seconds) throws Exception {
        Path prefix = Files.createTempDirectory("store-bench-nginx");
        Files.writeString(prefix.resolve("x"), "value-0000");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Files.writeString(prefix.resolve("nginx.conf"), "daemon off; master_process off; worker_processes 1;\n"
                + "error_log " + prefix + "/error.log; pid " + prefix + "/nginx.pid;\n"
                + "events { worker_connections 1024; }\n"
                + "http { access_log off; server { listen 127.0.0.1:" + port + "; root " + prefix + "; } }\n");
        Process nginx = new ProcessBuilder("/usr/sbin/nginx", "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString())
                .redirectErrorStream(true).start();
        try {
            Thread.sleep(500);
            URI uri = URI.create("http://127.0.0.1:" + port + "/x");
            paced(rate, Math.min(seconds, 5), i -> HttpRequest.newBuilder(uri).GET().build());
            return paced(rate, seconds, i -> HttpRequest.newBuilder(uri).GET().build());
        } finally {
            nginx.destroy();
            nginx.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private interface RequestMaker {
        HttpRequest make(int index);
    }

    /**
     * Arrivals every 1/rate s, sent by {@value #SENDERS} sender threads (so at most that many connections), each
     * latency measured from the arrival's intended time: a sender that falls behind adds its delay to the latency
     * instead of hiding it (no coordinated omission).
     */
    private static long[] paced(int rate, int seconds, RequestMaker maker) throws Exception {
        int total = rate * seconds;
        long periodNanos = 1_000_000_000L / rate;
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < SENDERS; t++) {
            Thread sender = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long intended = start + i * periodNanos;
                    for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        int status = HTTP.send(maker.make(i), BodyHandlers.discarding()).statusCode();
                        if (status >= 300 && failures.incrementAndGet() <= 3) {
                            System.out.println("  failed: status " + status);
                        }
                    } catch (IOException | InterruptedException e) {
                        if (failures.incrementAndGet() <= 3) {
                            System.out.println("  failed: " + e);
                        }
                    }
                    latencies[i] = System.nanoTime() - intended;
                }
            }, "bench-sender-" + t);
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        if (failures.get() > 0) {
            System.out.printf("  (%d of %d requests failed)%n", failures.get(), total);
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private static void convergence(TestCluster cluster, int keys) throws Exception {
        int port = cluster.node("n1").port();
        cluster.partition(Set.of("n1"));
        long partitioned = System.nanoTime();
        Semaphore inFlight = new Semaphore(32);
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < keys; i++) {
            inFlight.acquire();
            HttpRequest put = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/kv/p-" + i))
                    .PUT(BodyPublishers.ofString("value-" + i)).build();
            HTTP.sendAsync(put, BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure != null || response.statusCode() != 204) {
                    failed.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(32);
        double writeSeconds = (System.nanoTime() - partitioned) / 1e9;
        long remaining = TimeUnit.SECONDS.toNanos(10) - (System.nanoTime() - partitioned);
        if (remaining > 0) {
            Thread.sleep(remaining / 1_000_000);
        }
        double partitionSeconds = (System.nanoTime() - partitioned) / 1e9;
        cluster.heal();
        long healed = System.nanoTime();
        int slowPolls = 0;
        while (true) {
            try {
                String n1 = cluster.digest("n1");
                if (n1.contains("\"keys\":" + keys) && n1.equals(cluster.digest("n2")) && n1.equals(cluster.digest("n3"))) {
                    break;
                }
            } catch (java.net.http.HttpTimeoutException busy) {
                slowPolls++; // a node busy merging answered no digest within 5 s: not converged yet, ask again
            }
            if (System.nanoTime() - healed > TimeUnit.SECONDS.toNanos(120)) {
                throw new IllegalStateException("no convergence within 120 s after heal for " + keys + " keys");
            }
            Thread.sleep(10);
        }
        System.out.printf("convergence: %d keys written to n1 in %.1f s (%d failed) during a %.1f s partition;"
                + " all digests equal %.0f ms after heal (%d digest polls timed out)%n", keys, writeSeconds, failed.get(),
                partitionSeconds, (System.nanoTime() - healed) / 1e6, slowPolls);
    }

    /**
     * For every key written by {@link #steadyWrites}, the time from n1 applying it (right after minting it) to n2 and
     * to n3 applying it, in ns, sorted: what the replication lag is without the acknowledgement's way back.
     */
    private static long[] applyLags(TestCluster cluster, String label, int writes) {
        List<Long> lags = new ArrayList<>();
        for (int i = 0; i < Math.min(writes, 10_000); i++) {
            String key = label + "-" + i;
            Long minted = cluster.applyTimes("n1").of(key);
            for (String replica : List.of("n2", "n3")) {
                Long applied = cluster.applyTimes(replica).of(key);
                if (minted != null && applied != null) {
                    lags.add(Math.max(0, applied - minted));
                }
            }
        }
        return lags.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static double percentile(HistogramSnapshot snapshot, double percentile) {
        for (ValueAtPercentile value : snapshot.percentileValues()) {
            if (value.percentile() == percentile) {
                return value.value(TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalStateException("the lag timer publishes no p" + percentile * 100);
    }

    private static double ms(long[] sortedNanos, double percentile) {
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(percentile * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }
}
