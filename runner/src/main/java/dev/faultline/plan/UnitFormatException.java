package dev.faultline.plan;

/** A value that does not parse as the unit it should have; the message says what was expected. */
public final class UnitFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnitFormatException(String kind, String text, String expected) {
        super("bad " + kind + " '" + text + "': " + expected);
    }
}
