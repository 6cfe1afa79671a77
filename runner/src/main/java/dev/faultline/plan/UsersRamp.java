package dev.faultline.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-model stage's virtual users: a constant number ({@code 20}) or a linear ramp ({@code 10 -> 50}) over the
 * stage. {@link #parse} is its one parser; a plan may also give a bare integer.
 */
@JsonDeserialize(using = UsersRamp.Reader.class)
public record UsersRamp(int from, int to) {
    /** The most users a stage may ask for: each is a connection and a state machine on the generator's loops. */
    public static final int MAX_USERS = 100_000;
    private static final Pattern FORM = Pattern.compile("(\\d+)(?:\\s*->\\s*(\\d+))?");

    public UsersRamp {
        if (from < 0 || to < 0 || from > MAX_USERS || to > MAX_USERS) {
            throw new IllegalArgumentException("users must be between 0 and " + MAX_USERS + ", not " + from
                    + (from == to ? "" : " -> " + to));
        }
        if (from == 0 && to == 0) {
            throw new IllegalArgumentException("a stage of 0 users sends nothing: give at least 1");
        }
    }

    public static UsersRamp constant(int users) {
        return new UsersRamp(users, users);
    }

    public static UsersRamp parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new UnitFormatException("users", text, "expected a number of users (20) or a ramp (10 -> 50)");
        }
        int from = Integer.parseInt(m.group(1));
        return new UsersRamp(from, m.group(2) == null ? from : Integer.parseInt(m.group(2)));
    }

    /** The users wanted {@code fraction} (0..1) of the way through the stage, rounded to the nearest. */
    public int at(double fraction) {
        return (int) Math.round(from + (to - from) * Math.max(0, Math.min(1, fraction)));
    }

    public boolean isConstant() {
        return from == to;
    }

    @Override
    public String toString() {
        return isConstant() ? Integer.toString(from) : from + " -> " + to;
    }

    /** Reads a bare integer or a string with {@link #parse}; anything else is a located problem. */
    static final class Reader extends JsonDeserializer<UsersRamp> {
        @Override
        public UsersRamp deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                    long n = p.getLongValue();
                    if (n > MAX_USERS) {
                        throw new IllegalArgumentException("users must be between 0 and " + MAX_USERS + ", not " + n);
                    }
                    return constant((int) n);
                }
                if (p.currentToken() == JsonToken.VALUE_STRING) {
                    return parse(p.getText());
                }
            } catch (IllegalArgumentException e) {
                throw new PlanMapper.BadValueException(p, e.getMessage(), UsersRamp.class);
            }
            throw new PlanMapper.BadValueException(p, "expected a number of users (20) or a ramp (10 -> 50), not "
                    + Describe.token(p.currentToken()), UsersRamp.class);
        }
    }
}
