package dev.faultline.check;

import dev.faultline.sample.ErrorKind;
import dev.faultline.sample.Outcomes;
import dev.faultline.sample.Samples;
import dev.faultline.sample.SecondStats;
import dev.faultline.sample.TimeRange;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Samples written by hand for check tests: each sample is (request, second it ended in, latency, error or null). */
final class FixedSamples implements Samples {
    private record Sample(String request, long second, long latencyMicros, ErrorKind error) {
    }

    private final List<String> names;
    private final List<Sample> samples = new ArrayList<>();
    private final List<dev.faultline.sample.Acknowledgements.Ack> acks = new ArrayList<>();
    private final List<dev.faultline.sample.ClientSecond> clientSeconds = new ArrayList<>();

    FixedSamples(String... names) {
        this.names = List.of(names);
    }

    FixedSamples ok(String request, long second, long latencyMicros, int times) {
        for (int i = 0; i < times; i++) {
            samples.add(new Sample(request, second, latencyMicros, null));
        }
        return this;
    }

    FixedSamples failed(String request, long second, ErrorKind kind, int times) {
        for (int i = 0; i < times; i++) {
            samples.add(new Sample(request, second, 1_000, kind));
        }
        return this;
    }

    FixedSamples acked(String key, String element, long atMs) {
        acks.add(new dev.faultline.sample.Acknowledgements.Ack("add", key, element, atMs, atMs));
        return this;
    }

    FixedSamples client(String client, long second, long ok, long limited, long failed) {
        clientSeconds.add(new dev.faultline.sample.ClientSecond(client, second * 1000, ok, limited, failed));
        return this;
    }

    @Override
    public dev.faultline.sample.Acknowledgements acknowledgements() {
        return new dev.faultline.sample.Acknowledgements(acks, 0);
    }

    @Override
    public List<dev.faultline.sample.ClientSecond> clientSeconds() {
        return List.copyOf(clientSeconds);
    }

    @Override
    public List<String> requestNames() {
        return names;
    }

    @Override
    public Histogram latency(String request, TimeRange range) {
        Histogram h = new Histogram(3);
        selected(request, range).forEach(s -> h.recordValue(s.latencyMicros()));
        return h;
    }

    @Override
    public Outcomes outcomes(String request, TimeRange range) {
        long ok = 0;
        Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
        List<Sample> selected = selected(request, range);
        for (Sample s : selected) {
            if (s.error() == null) {
                ok++;
            } else {
                errors.merge(s.error(), 1L, Long::sum);
            }
        }
        return new Outcomes(selected.size(), ok, errors);
    }

    @Override
    public List<SecondStats> seconds() {
        return List.of();
    }

    private List<Sample> selected(String request, TimeRange range) {
        return samples.stream()
                .filter(s -> request == null || s.request().equals(request))
                .filter(s -> range.contains(s.second() * 1000 + 500))
                .toList();
    }
}
