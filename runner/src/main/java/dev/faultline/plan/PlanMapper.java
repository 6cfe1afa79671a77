package dev.faultline.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;

/** The strict Jackson mapper of plans: no unknown keys, no coercion between scalar types, one parser per unit. */
final class PlanMapper {
    private PlanMapper() {
    }

    static ObjectMapper create() {
        YAMLMapper mapper = YAMLMapper.builder(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                        DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                        DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(units())
                .build();
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.Textual}) {
            mapper.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.String, scalar == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, scalar == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, scalar == LogicalType.Integer ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, scalar == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, scalar == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        return mapper;
    }

    private static SimpleModule units() {
        SimpleModule module = new SimpleModule("faultline-units");
        module.addDeserializer(Duration.class, new UnitDeserializer<>(Duration.class, "a duration", "s", Durations::parse));
        module.addDeserializer(Rate.class, new UnitDeserializer<>(Rate.class, "a rate", "/s", Rate::parse));
        module.addDeserializer(RateRamp.class, new UnitDeserializer<>(RateRamp.class, "a rate", "/s", RateRamp::parse));
        module.addDeserializer(Percentage.class, new UnitDeserializer<>(Percentage.class, "a percentage", "%", Percentage::parse));
        module.addDeserializer(ThinkTime.class, new UnitDeserializer<>(ThinkTime.class, "a think time", "ms", ThinkTime::parse));
        module.addDeserializer(DataSize.class, new UnitDeserializer<>(DataSize.class, "a size", "KB", DataSize::parse));
        return module;
    }

    /** A value of a unit type that is malformed or lacks its unit; the message is the user's. */
    static final class BadValueException extends MismatchedInputException {
        private static final long serialVersionUID = 1L;

        BadValueException(JsonParser p, String message, Class<?> type) {
            super(p, message, type);
        }
    }

    /** Reads one unit type from a YAML string with its one parser; a bare number is refused with the unit to add. */
    private static final class UnitDeserializer<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final String what;
        private final String unit;
        private final Function<String, T> parser;

        UnitDeserializer(Class<T> type, String what, String unit, Function<String, T> parser) {
            this.type = type;
            this.what = what;
            this.unit = unit;
            this.parser = parser;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                try {
                    return parser.apply(p.getText());
                } catch (IllegalArgumentException e) {
                    throw new BadValueException(p, e.getMessage(), type);
                }
            }
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                String number = p.getText();
                if (type == Duration.class && p.getDecimalValue().signum() == 0) {
                    return type.cast(Duration.ZERO);
                }
                throw new BadValueException(p, what + " needs a unit: write " + number + unit + ", not the bare number " + number, type);
            }
            throw new BadValueException(p, "expected " + what + " such as " + example() + ", not " + Describe.token(token), type);
        }

        private String example() {
            return switch (unit) {
                case "s" -> "250ms, 5s or 1m";
                case "/s" -> "200/s or 12k/m";
                case "%" -> "99.5%";
                case "ms" -> "500ms or 100ms..900ms";
                default -> "64KB";
            };
        }
    }
}
