package dev.faultline.cli;

/** The exit codes of the faultline command, all in one place. A CI pipeline gates on them. */
public enum ExitCode {
    /** Every check of every plan held. */
    PASSED(0),
    /** At least one check failed. */
    CHECK_FAILED(1),
    /** A plan or the command line is invalid; nothing was started. */
    INVALID(2),
    /** A run could not be carried out (target failed to start, port taken, fault not applied, interrupted). */
    NOT_CARRIED_OUT(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The worse of two outcomes: a run that could not be carried out outweighs a failed check. */
    ExitCode worst(ExitCode other) {
        return other.code > code ? other : this;
    }
}
