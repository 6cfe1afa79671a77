package dev.faultline.cluster.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Runs one component of the reference cluster as its own OS process:
 * {@code java -cp ... dev.faultline.cluster.launch.ComponentMain DESCRIPTION.json}.
 *
 * <p>It starts the component the description names, prints exactly one line {@code READY <name> <port>} on stdout
 * once it listens, and runs until SIGTERM (a shutdown hook stops it cleanly) or until its stdin ends: the process that
 * launched it holds the other end of stdin, so when that process dies, for whatever reason, the component exits too.
 * A component that cannot start prints why on stderr and exits with status 1; bad arguments exit with status 2.
 */
public final class ComponentMain {
    /** The first word of the line printed once the component listens. */
    public static final String READY = "READY";

    private ComponentMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ComponentMain DESCRIPTION.json");
            System.exit(2);
        }
        ComponentDescription description;
        try {
            description = ComponentDescription.read(Path.of(args[0]));
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("cannot read the component description " + args[0] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        StartedComponent component;
        try {
            component = description.start();
        } catch (RuntimeException e) {
            System.err.println(description.kind().key() + " " + description.name() + " did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(component::close, "stop-" + component.name()));
        PrintStream out = System.out;
        out.println(READY + " " + component.name() + " " + component.address().getPort());
        out.flush();
        awaitEndOf(System.in);
        System.exit(0);
    }

    private static void awaitEndOf(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) != -1) {
                // input is ignored: only its end matters
            }
        } catch (IOException e) {
            // a broken stdin means the launcher is gone, like EOF
        }
    }
}
