package dev.faultline.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.Duration;

/**
 * A period that can be switched off, e.g. {@code anti-entropy: 500ms} or {@code anti-entropy: off}: a duration above
 * zero, or {@code off} (also YAML's {@code false}), read as {@link Duration#ZERO}. A zero duration is refused, so
 * that "off" is always written as such.
 */
final class PeriodOrOff extends JsonDeserializer<Duration> {
    static final String OFF = "off";

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_FALSE || token == JsonToken.VALUE_STRING && p.getText().strip().equals(OFF)) {
            return Duration.ZERO;
        }
        if (token == JsonToken.VALUE_STRING) {
            Duration period;
            try {
                period = Durations.parse(p.getText());
            } catch (IllegalArgumentException e) {
                throw new PlanMapper.BadValueException(p, e.getMessage() + ", or off", Duration.class);
            }
            if (period.isZero()) {
                throw zero(p);
            }
            return period;
        }
        if ((token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT)
                && p.getDecimalValue().signum() == 0) {
            throw zero(p);
        }
        throw new PlanMapper.BadValueException(p, "expected a period such as 500ms or 1s, or off, not "
                + (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
                        ? "the bare number " + p.getText() + " (write the unit)" : Describe.token(token)),
                Duration.class);
    }

    private static PlanMapper.BadValueException zero(JsonParser p) {
        return new PlanMapper.BadValueException(p, "a period of 0 never comes round: write off to switch it off, "
                + "or a period such as 1s", Duration.class);
    }
}
