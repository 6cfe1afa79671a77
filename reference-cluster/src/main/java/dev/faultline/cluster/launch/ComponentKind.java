package dev.faultline.cluster.launch;

import dev.faultline.cluster.balancer.Balancer;
import dev.faultline.cluster.balancer.BalancerConfig;
import dev.faultline.cluster.store.StoreNode;
import dev.faultline.cluster.store.StoreNodeConfig;
import java.util.Arrays;
import java.util.Locale;

/** The kinds of component of the reference cluster, each with its config record and how to start it. */
public enum ComponentKind {
    /** A store node; config {@link StoreNodeConfig}. */
    STORE(StoreNodeConfig.class),
    /** A balancer; config {@link BalancerConfig}. */
    BALANCER(BalancerConfig.class);

    private final Class<? extends Record> configType;

    ComponentKind(Class<? extends Record> configType) {
        this.configType = configType;
    }

    /** The config record this kind is started from. */
    public Class<? extends Record> configType() {
        return configType;
    }

    /** The kind's name in component descriptions: {@code store}, {@code balancer}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code key}; the error lists the known keys. */
    public static ComponentKind of(String key) {
        for (ComponentKind kind : values()) {
            if (kind.key().equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown component kind '" + key + "' (known: "
                + String.join(", ", Arrays.stream(values()).map(ComponentKind::key).toList()) + ")");
    }

    /** Starts a component of this kind in this JVM and returns once it listens. */
    StartedComponent start(Record config) {
        return switch (this) {
            case STORE -> {
                StoreNode node = StoreNode.start((StoreNodeConfig) config);
                yield new StartedComponent(node.name(), node.address(), node);
            }
            case BALANCER -> {
                Balancer balancer = Balancer.start((BalancerConfig) config);
                yield new StartedComponent(balancer.name(), balancer.address(), balancer);
            }
        };
    }
}
