package dev.faultline.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The YAML spelling of record components (kebab-case or their {@code @JsonProperty}) and of enum constants. */
final class YamlNames {
    private static final PropertyNamingStrategies.KebabCaseStrategy KEBAB = new PropertyNamingStrategies.KebabCaseStrategy();

    private YamlNames() {
    }

    /** The keys a record accepts, in the order of its components. */
    static List<String> keys(Class<?> record) {
        List<String> names = new ArrayList<>();
        if (record.isRecord()) {
            for (RecordComponent c : record.getRecordComponents()) {
                names.add(key(c));
            }
        }
        return names;
    }

    static String key(RecordComponent c) {
        JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
        return p != null && !p.value().isEmpty() ? p.value() : KEBAB.translate(c.getName());
    }

    /** The component of a record that a YAML key binds to. */
    static Optional<RecordComponent> component(Class<?> record, String key) {
        for (RecordComponent c : record.getRecordComponents()) {
            if (key(c).equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The values an enum accepts, as written in a plan. */
    static List<String> values(Class<?> enumType) {
        List<String> names = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            try {
                JsonProperty p = enumType.getField(name).getAnnotation(JsonProperty.class);
                names.add(p != null ? p.value() : name);
            } catch (NoSuchFieldException e) {
                names.add(name);
            }
        }
        return names;
    }
}
