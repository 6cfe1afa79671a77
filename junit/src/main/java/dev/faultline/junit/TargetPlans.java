package dev.faultline.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.faultline.plan.Plan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.commons.PreconditionViolationException;

/**
 * Turns a target annotation into a plan whose {@code target} is what it asks for, written as plan YAML and parsed by
 * the plan parser, so an annotation means exactly what the same keys mean in a plan: same defaults, same validation,
 * same error messages.
 */
final class TargetPlans {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private TargetPlans() {
    }

    static Plan of(ReferenceCluster c) {
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("nodes", c.nodes());
        if (c.replication() > 0) {
            store.put("replication", c.replication());
        }
        store.put("consistency", c.consistency());
        store.put("conflicts", c.conflicts());
        store.put("durability", c.durability());
        Map<String, Object> balancer = new LinkedHashMap<>();
        balancer.put("layer", c.layer());
        balancer.put("strategy", c.strategy());
        balancer.put("standby", c.standby());
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("isolation", c.isolation());
        cluster.put("store", store);
        cluster.put("balancer", balancer);
        List<String> overrides = Arrays.stream(c.set()).map(s -> "target.cluster." + s).toList();
        return PlanSource.parse(plan(Map.of("cluster", cluster)), "@ReferenceCluster", overrides);
    }

    static Plan of(ContainerService s) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", s.name());
        container.put("image", s.image());
        container.put("ports", Arrays.stream(s.ports()).boxed().toList());
        container.put("env", pairs(s.env(), "env"));
        if (s.command().length > 0) {
            container.put("command", List.of(s.command()));
        }
        container.put("files", pairs(s.files(), "files"));
        if (!s.waitFor().isEmpty()) {
            container.put("wait", s.waitFor());
        }
        container.put("ready-timeout", s.readyTimeout());
        return PlanSource.parse(plan(Map.of("container", container)), "@ContainerService", List.of());
    }

    /** A plan with this target and a nominal load (the test drives its own). */
    private static String plan(Map<String, Object> target) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("name", "junit");
        plan.put("target", target);
        plan.put("load", Map.of("stages", List.of(Map.of("duration", "1s", "rate", "1/s")),
                "requests", List.of(Map.of("name", "get", "path", "/"))));
        try {
            return YAML.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the target as YAML", e);
        }
    }

    private static Map<String, String> pairs(String[] entries, String attribute) {
        Map<String, String> map = new LinkedHashMap<>();
        List<String> bad = new ArrayList<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                bad.add(entry);
            } else {
                map.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        if (!bad.isEmpty()) {
            throw new PreconditionViolationException("@ContainerService " + attribute + ": expected NAME=value, not "
                    + bad);
        }
        return map;
    }
}
