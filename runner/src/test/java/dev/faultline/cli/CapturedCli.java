package dev.faultline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The faultline command line as {@link Main} builds it, with what it prints kept for the test to read. */
final class CapturedCli {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    int execute(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
