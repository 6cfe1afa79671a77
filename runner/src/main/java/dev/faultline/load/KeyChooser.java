package dev.faultline.load;

import dev.faultline.plan.KeySpace;
import java.util.SplittableRandom;

/** Draws key indexes in {@code [0, count)} for {@code ${key}}; key i renders as {@code k<i>}. Not thread-safe. */
interface KeyChooser {

    long next();

    static KeyChooser of(KeySpace keys, SplittableRandom random) {
        long count = keys.count();
        return switch (keys.distribution()) {
            case UNIFORM -> () -> random.nextLong(count);
            case SEQUENTIAL -> new KeyChooser() {
                private long next;

                @Override
                public long next() {
                    long key = next;
                    next = next + 1 == count ? 0 : next + 1;
                    return key;
                }
            };
            case ZIPF -> new ZipfKeyChooser(count, keys.exponent(), random);
        };
    }
}
