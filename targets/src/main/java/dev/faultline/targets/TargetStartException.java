package dev.faultline.targets;

/** The target could not be started (a port taken, a component that would not come up); the message says which. */
public final class TargetStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TargetStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
