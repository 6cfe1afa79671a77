package dev.faultline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Circuit-breaker state changes derived from the scraped breaker-state series of {@code observations.metrics}. A
 * series is a breaker's when its metric name contains {@code breaker_state}. Two shapes are read: one series per
 * state, labelled {@code state}, whose value is 1 for the current state (Micrometer's style, as the reference
 * balancer exports it); or one series whose value itself is the state. The first state seen is not a transition.
 */
final class BreakerTransitions {
    /** One change of a breaker's state at {@code tMs}, on {@code component}, for the series' other labels. */
    record Transition(long tMs, String component, Map<String, String> labels, String from, String to) {
    }

    private BreakerTransitions() {
    }

    static List<Transition> of(JsonNode metrics) {
        Map<String, TreeMap<Long, String>> statesByBreaker = new LinkedHashMap<>();
        Map<String, Map<String, String>> labelsByBreaker = new LinkedHashMap<>();
        Map<String, String> componentByBreaker = new LinkedHashMap<>();
        for (JsonNode series : metrics) {
            if (!series.path("metric").asText().contains("breaker_state")) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            series.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            String state = labels.remove("state");
            String component = series.path("component").asText();
            String key = component + labels;
            labelsByBreaker.putIfAbsent(key, labels);
            componentByBreaker.putIfAbsent(key, component);
            TreeMap<Long, String> states = statesByBreaker.computeIfAbsent(key, k -> new TreeMap<>());
            for (JsonNode point : series.path("points")) {
                long t = point.path(0).asLong();
                double value = point.path(1).asDouble();
                if (state == null) {
                    states.put(t, value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value));
                } else if (value >= 1) {
                    states.put(t, state);
                }
            }
        }
        List<Transition> transitions = new ArrayList<>();
        statesByBreaker.forEach((key, states) -> {
            Iterator<Map.Entry<Long, String>> it = states.entrySet().iterator();
            String previous = it.hasNext() ? it.next().getValue() : null;
            while (it.hasNext()) {
                Map.Entry<Long, String> point = it.next();
                if (!point.getValue().equals(previous)) {
                    transitions.add(new Transition(point.getKey(), componentByBreaker.get(key),
                            labelsByBreaker.get(key), previous, point.getValue()));
                    previous = point.getValue();
                }
            }
        });
        transitions.sort(java.util.Comparator.comparingLong(Transition::tMs));
        return transitions;
    }
}
