package dev.faultline.faults.proxy;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The registry of toxic types, keyed by the name the API uses. */
final class ToxicTypes {

    private static final Map<String, ToxicType> BY_NAME = new TreeMap<>();

    static {
        Stream.of(LatencyToxic.TYPE, BandwidthToxic.TYPE, SlowCloseToxic.TYPE, TimeoutToxic.TYPE, ResetPeerToxic.TYPE,
                        SlicerToxic.TYPE, LimitDataToxic.TYPE, NoopToxic.TYPE)
                .forEach(type -> BY_NAME.put(type.name(), type));
    }

    private ToxicTypes() {
    }

    /** The type named {@code name}, or a 400 that lists every known type. */
    static ToxicType of(String name) {
        ToxicType type = BY_NAME.get(name);
        if (type == null) {
            throw ApiException.badRequest("invalid toxic type: '" + name + "' (known: "
                    + String.join(", ", BY_NAME.keySet()) + ")");
        }
        return type;
    }
}
