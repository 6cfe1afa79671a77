package dev.faultline.plan;

import java.util.List;

/** A plan that cannot be run, with every problem found in it; the message prints them all, one per line. */
public final class PlanException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final List<Problem> problems;

    public PlanException(String file, List<Problem> problems) {
        super(render(file, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PlanException needs at least one problem");
        }
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** The plan's file (or source name) as it was given. */
    public String file() {
        return file;
    }

    /** Every problem found, in the order of the plan. */
    public List<Problem> problems() {
        return problems;
    }

    private static String render(String file, List<Problem> problems) {
        StringBuilder s = new StringBuilder("There were problems with plan ").append(file).append(':');
        for (Problem p : problems) {
            s.append(System.lineSeparator()).append("  - ").append(p);
        }
        return s.toString();
    }
}
