package dev.faultline.targets.process;

/** A component process did not come up; the message names it, says why and quotes the end of its log. */
public final class ComponentStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ComponentStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
