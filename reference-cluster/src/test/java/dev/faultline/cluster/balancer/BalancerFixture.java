package dev.faultline.cluster.balancer;

import dev.faultline.cluster.testkit.SwitchableBackend;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starts backends and balancers on 127.0.0.1 for one test and stops them all afterwards. */
final class BalancerFixture implements AutoCloseable {
    final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AutoCloseable> running = new ArrayList<>();

    <T extends AutoCloseable> T started(T closeable) {
        running.add(closeable);
        return closeable;
    }

    List<SwitchableBackend> backends(int count) throws IOException {
        List<SwitchableBackend> backends = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            backends.add(started(SwitchableBackend.start("n" + i)));
        }
        return backends;
    }

    Balancer balancer(List<SwitchableBackend> backends, BalancerSettings settings) {
        List<Backend> list = new ArrayList<>();
        backends.forEach(b -> list.add(new Backend(b.name(), b.address())));
        return started(Balancer.start(BalancerConfig.local("lb", list)
                .withBackendTimeout(Duration.ofSeconds(5)).withSettings(settings)));
    }

    HttpResponse<String> get(Balancer lb, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + lb.port() + path)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }

    /** The balancer's /metrics text. */
    String metrics(Balancer lb) throws IOException, InterruptedException {
        var address = lb.metricsAddress();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort() + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString()).body();
    }

    static String backendOf(HttpResponse<String> response) {
        return response.headers().firstValue("X-Backend").orElse("none");
    }

    @Override
    public void close() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }
}
