package dev.faultline.faults.proxy;

import java.util.List;
import java.util.function.Function;

/** A kind of toxic: its API name, every attribute it has (in JSON order), and how to build a stage. */
record ToxicType(String name, List<String> attributes, Function<ToxicSpec, ToxicStage> factory) {

    ToxicType {
        attributes = List.copyOf(attributes);
    }

    ToxicStage newStage(ToxicSpec spec) {
        return factory.apply(spec);
    }
}
