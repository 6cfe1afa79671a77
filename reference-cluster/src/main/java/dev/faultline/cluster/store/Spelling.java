package dev.faultline.cluster.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The plan spelling of the store's enums: lower case with '-' for '_' ({@code VERSION_VECTORS} is {@code version-vectors}). */
final class Spelling {
    private Spelling() {
    }

    static String planName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        for (E constant : type.getEnumConstants()) {
            if (planName(constant).equalsIgnoreCase(text) || constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        String known = Arrays.stream(type.getEnumConstants()).map(Spelling::planName).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("'" + field + "' must be one of " + known + ", but is "
                + (text == null ? "null" : "'" + text + "'"));
    }
}
